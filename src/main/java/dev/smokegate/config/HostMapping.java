package dev.smokegate.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Like curl's {@code --connect-to}: connections for {@code host:port} go to {@code toHost:toPort} instead, while the
 * Host header, SNI and certificate checks still use the original name. Verifies a deployment before DNS points at
 * it, or one replica behind a load balancer.
 */
public record HostMapping(String host, int port, String toHost, int toPort) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z0-9.*-]+):(\\d{1,5})\\s*->\\s*(\\[[0-9A-Fa-f:]+]|[A-Za-z0-9.-]+):(\\d{1,5})\\s*");

    /** Parses {@code app.example.com:443 -> 10.0.0.5:8443}; also accepts curl's {@code HOST:PORT:HOST2:PORT2}. */
    public static Optional<HostMapping> parse(String text) {
        String normalised = text.contains("->") ? text : curlForm(text);
        Matcher m = FORM.matcher(normalised);
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(2));
        int toPort = Integer.parseInt(m.group(4));
        if (port < 1 || port > 65535 || toPort < 1 || toPort > 65535) {
            return Optional.empty();
        }
        String toHost = m.group(3).replace("[", "").replace("]", "");
        return Optional.of(new HostMapping(m.group(1).toLowerCase(java.util.Locale.ROOT), port, toHost, toPort));
    }

    private static String curlForm(String text) {
        String[] parts = text.split(":");
        return parts.length == 4 ? parts[0] + ":" + parts[1] + " -> " + parts[2] + ":" + parts[3] : text;
    }

    public boolean matches(String requestHost, int requestPort) {
        return host.equalsIgnoreCase(requestHost) && port == requestPort;
    }

    @Override
    public String toString() {
        return host + ":" + port + " -> " + toHost + ":" + toPort;
    }
}
