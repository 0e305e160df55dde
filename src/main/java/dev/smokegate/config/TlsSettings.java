package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the TLS suite scans.
 *
 * @param hosts {@code host} or {@code host:port} endpoints as {@link HostPort} reads them (lowercase, ASCII, an
 *              IPv6 literal in brackets); empty means the host of every configured https/wss URL
 */
public record TlsSettings(List<String> hosts) {

    public static final TlsSettings DEFAULTS = new TlsSettings(List.of());

    private static final Pattern BARE_IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    public TlsSettings {
        hosts = List.copyOf(hosts);
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
        return new TlsSettings(hosts);
    }
}
