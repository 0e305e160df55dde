package dev.smokegate.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint as a config writes it, {@code HOST} or {@code HOST:PORT}: a DNS name or IPv4 address, or an IPv6
 * literal in brackets ({@code [::1]:8443}, as in a URL), and a port from 1 to 65535.
 */
final class HostPort {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9a-f.]*:[0-9a-f:.]*]|[a-z0-9.-]+)(?::(\\d{1,5}))?");

    private HostPort() {
    }

    /** {@code text} trimmed and in lowercase, if it is {@code HOST} or {@code HOST:PORT}. */
    static Optional<String> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
        }
        return Optional.of(m.group());
    }
}
