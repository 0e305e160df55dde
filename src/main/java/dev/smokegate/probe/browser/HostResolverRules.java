package dev.smokegate.probe.browser;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.HostMapping;
import java.util.stream.Collectors;

/**
 * Chromium's {@code --host-resolver-rules} for the environment's {@code connect-to} mappings. A {@code MAP} rule
 * whose pattern has a port matches that port only and sends it to the replacement's host and port, which is what a
 * mapping of {@code host:port} means, so each mapping becomes one rule; the first matching rule wins in both.
 * The browser then talks to the mapped address while the URL, SNI and certificate check keep the public name.
 */
final class HostResolverRules {

    private HostResolverRules() {
    }

    /** The flag's value, or empty when nothing is mapped. */
    static String of(ConnectTo connectTo) {
        return connectTo.mappings().stream().map(HostResolverRules::rule).collect(Collectors.joining(", "));
    }

    private static String rule(HostMapping m) {
        String to = m.toHost().contains(":") ? "[" + m.toHost() + "]" : m.toHost();
        return "MAP " + m.host() + ":" + m.port() + " " + to + ":" + m.toPort();
    }
}
