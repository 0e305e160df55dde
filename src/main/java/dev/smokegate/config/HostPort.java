package dev.smokegate.config;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint as a config writes it, {@code HOST} or {@code HOST:PORT}: a DNS name or IPv4 address, or an IPv6
 * literal in brackets ({@code [::1]:8443}, as in a URL), and a port from 1 to 65535. An internationalised name
 * ({@code bücher.example}) becomes its ASCII form ({@code xn--bcher-kva.example}): that is what DNS resolves, SNI
 * carries and certificates name.
 */
final class HostPort {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9a-f.]*:[0-9a-f:.]*]|[^\\[\\]:]+)(?::(\\d{1,5}))?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9.-]+");

    private HostPort() {
    }

    /** {@code text} trimmed, in lowercase and ASCII, if it is {@code HOST} or {@code HOST:PORT}. */
    static Optional<String> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String port = m.group(2);
        if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            return Optional.empty();
        }
        Optional<String> host = m.group(1).startsWith("[") ? Optional.of(m.group(1))
                : ascii(m.group(1)).filter(name -> NAME.matcher(name).matches());
        return host.map(h -> port == null ? h : h + ":" + port);
    }

    private static Optional<String> ascii(String name) {
        if (name.chars().allMatch(c -> c < 128)) {
            return Optional.of(name);
        }
        try {
            return Optional.of(IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a host name in any script
        }
    }
}
