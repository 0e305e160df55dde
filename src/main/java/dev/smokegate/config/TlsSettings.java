package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the TLS suite scans, and how strictly it judges a missing OCSP staple.
 *
 * @param hosts         {@code host} or {@code host:port} endpoints as {@link HostPort} reads them (lowercase, ASCII,
 *                      an IPv6 literal in brackets); empty means the host of every configured https/wss URL
 * @param missingStaple what {@code tls.ocsp-stapling} makes of a certificate that names an OCSP responder on a
 *                      server that staples nothing (key {@code tls.ocsp-stapling})
 */
public record TlsSettings(List<String> hosts, MissingStaple missingStaple) {

    public static final TlsSettings DEFAULTS = new TlsSettings(List.of());

    private static final Pattern BARE_IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    /**
     * A missing staple costs each client an OCSP lookup (or, as browsers do, no revocation check at all); many CAs
     * no longer run OCSP, so by default it only warns.
     */
    public enum MissingStaple {
        WARN, FAIL;

        static Optional<MissingStaple> named(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "warn" -> Optional.of(WARN);
                case "fail" -> Optional.of(FAIL);
                default -> Optional.empty();
            };
        }
    }

    public TlsSettings {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(missingStaple, "missingStaple");
    }

    /** These hosts, judged by the default rules. */
    public TlsSettings(List<String> hosts) {
        this(hosts, MissingStaple.WARN);
    }

    static TlsSettings read(YamlNode tls) {
        List<String> hosts = new ArrayList<>();
        List<Object> items = tls.list("hosts");
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i)).trim();
            int index = i;
            HostPort.parse(text).ifPresentOrElse(hosts::add, () -> tls.problem(tls.key("hosts") + "[" + index + "]",
                    "expected HOST or HOST:PORT, found \"" + text + "\"" + (BARE_IPV6.matcher(text).matches()
                            ? " (an IPv6 literal goes in brackets: [" + text + "])" : "")));
        }
        MissingStaple missingStaple = tls.parsed("ocsp-stapling", MissingStaple::named, "expected warn or fail")
                .orElse(MissingStaple.WARN);
        return new TlsSettings(hosts, missingStaple);
    }
}
