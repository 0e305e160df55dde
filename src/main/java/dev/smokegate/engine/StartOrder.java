package dev.smokegate.engine;

import dev.smokegate.config.Ports;
import dev.smokegate.model.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order a run starts its probes in: one check per address ({@code host:port}) in turn, so the pool's first
 * wave reaches every address. An address that does not answer then costs one timeout, after which its other probes
 * fail at once (the run remembers the timeout), rather than a queue of probes to it holding every thread of the pool
 * while the other addresses wait for a wave of their own.
 */
final class StartOrder {

    private StartOrder() {
    }

    /** {@code planned}, the first check of each address first (in plan order), then the second of each, and so on. */
    static List<PlannedCheck> acrossAddresses(List<PlannedCheck> planned) {
        Map<String, List<PlannedCheck>> groups = new LinkedHashMap<>();
        planned.forEach(p -> groups.computeIfAbsent(address(p.target()), a -> new ArrayList<>()).add(p));
        List<Iterator<PlannedCheck>> turns = groups.values().stream().map(List::iterator).toList();
        List<PlannedCheck> order = new ArrayList<>(planned.size());
        while (order.size() < planned.size()) {
            for (Iterator<PlannedCheck> checks : turns) {
                if (checks.hasNext()) {
                    order.add(checks.next());
                }
            }
        }
        return order;
    }

    /**
     * The {@code host:port} a target is reached at: of a URL (the scheme's port unless given), of {@code host:port},
     * or the target's address itself (a domain, the environment's name).
     */
    private static String address(Target target) {
        String text = target.address();
        try {
            URI uri = URI.create(text.contains("://") ? text : "//" + text);
            if (uri.getHost() != null) {
                return uri.getHost().toLowerCase(Locale.ROOT) + ":" + Ports.of(uri);
            }
        } catch (IllegalArgumentException notAUrl) {
            // a plain word: it is its own group
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
