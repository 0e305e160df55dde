package dev.smokegate.check.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Ports;
import dev.smokegate.model.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TLS endpoints of an environment, each once: {@code tls.hosts} when configured, else the host of every https
 * and wss URL, named by the role it was first configured under.
 */
public final class TlsTargets {

    private TlsTargets() {
    }

    public static List<Target> of(EnvironmentConfig config) {
        Map<String, Target> byEndpoint = new LinkedHashMap<>();
        if (!config.tls().hosts().isEmpty()) {
            // a port follows the last ':' unless that colon is inside an IPv6 literal's brackets
            config.tls().hosts().forEach(h -> add(byEndpoint, Target.TLS,
                    h.lastIndexOf(':') > h.lastIndexOf(']') ? h : h + ":443"));
            return new ArrayList<>(byEndpoint.values());
        }
        config.publicUrls().forEach(t -> add(byEndpoint, t.role(), URI.create(t.address())));
        return new ArrayList<>(byEndpoint.values());
    }

    private static void add(Map<String, Target> byEndpoint, String role, URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("wss")) {
            add(byEndpoint, role, url.getHost().toLowerCase(Locale.ROOT) + ":" + Ports.of(url));
        }
    }

    private static void add(Map<String, Target> byEndpoint, String role, String endpoint) {
        byEndpoint.putIfAbsent(endpoint, new Target(role, endpoint));
    }

    /** The host to dial and to judge the certificate for: an IPv6 literal without the brackets of its address. */
    static String host(Target target) {
        String host = target.address().substring(0, target.address().lastIndexOf(':'));
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    static int port(Target target) {
        return Integer.parseInt(target.address().substring(target.address().lastIndexOf(':') + 1));
    }
}
