package dev.smokegate.probe.oauth;

import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies one visitor holds, as a browser keeps them: what a host set goes back to that host (or, with a
 * Domain attribute, to hosts within it), a later value replacing an earlier one, an expired cookie dropped.
 */
final class CookieJar {

    private record Stored(String name, String value, String domain, boolean hostOnly, boolean secure) {

        boolean goesTo(String host, boolean tls) {
            return (tls || !secure) && (hostOnly ? host.equals(domain)
                    : host.equals(domain) || host.endsWith("." + domain));
        }
    }

    private final Map<String, Stored> cookies = new LinkedHashMap<>();

    void keep(HttpObservation observation) {
        observation.exchange().ifPresent(this::keep);
    }

    private void keep(HttpExchange exchange) {
        String host = exchange.url().getHost().toLowerCase(Locale.ROOT);
        for (String header : exchange.headers("Set-Cookie")) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parts[0].substring(0, equals).trim();
            String value = parts[0].substring(equals + 1).trim();
            String domain = host;
            boolean hostOnly = true;
            boolean expired = false;
            boolean secure = false;
            boolean foreign = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("domain=")) {
                    String named = attribute.substring("domain=".length()).replaceFirst("^\\.", "");
                    // RFC 6265 §5.3 (6): a Domain the host is not within makes the user agent ignore the cookie.
                    foreign = !host.equals(named) && !host.endsWith("." + named);
                    domain = named;
                    hostOnly = false;
                } else if (attribute.equals("secure")) {
                    secure = true;
                } else if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
                        || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            String key = name + "@" + domain;
            if (foreign) {
                continue;
            }
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, new Stored(name, value, domain, hostOnly, secure));
            }
        }
    }

    /** {@code request} with a Cookie header of what its host should get, if anything. */
    HttpRequest on(HttpRequest request) {
        String host = request.url().getHost().toLowerCase(Locale.ROOT);
        boolean tls = "https".equalsIgnoreCase(request.url().getScheme());
        String header = cookies.values().stream().filter(c -> c.goesTo(host, tls))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        return header.isEmpty() ? request : request.withHeader("Cookie", header);
    }
}
