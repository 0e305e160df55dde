package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the TLS suite scans.
 *
 * @param hosts {@code host} or {@code host:port} endpoints, lowercase; empty means the host of every configured
 *              https/wss URL
 */
public record TlsSettings(List<String> hosts) {

    public static final TlsSettings DEFAULTS = new TlsSettings(List.of());

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

    public TlsSettings {
        hosts = List.copyOf(hosts);
    }

    static TlsSettings read(YamlNode tls) {
        List<String> hosts = new ArrayList<>();
        List<Object> items = tls.list("hosts");
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i)).trim();
            if (HOST.matcher(text).matches()) {
                hosts.add(text.toLowerCase(Locale.ROOT));
            } else {
                tls.problem(tls.key("hosts") + "[" + i + "]", "expected HOST or HOST:PORT, found \"" + text + "\"");
            }
        }
        return new TlsSettings(hosts);
    }
}
