package dev.smokegate.reference;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A browser reduced to what an OAuth login over plain HTTP needs: a cookie jar per host (host-only cookies, as every
 * cookie of the reference is), no redirects followed, no script run. Over {@link MappedHttpClient}.
 */
final class ScriptedBrowser {

    private final MappedHttpClient client;
    private final Map<String, Map<String, String>> cookiesByHost = new HashMap<>();

    ScriptedBrowser(MappedHttpClient client) {
        this.client = client;
    }

    MappedHttpClient.Exchange get(String url) throws IOException {
        return send("GET", url, Map.of(), null);
    }

    MappedHttpClient.Exchange post(String url, String form) throws IOException {
        return send("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    MappedHttpClient.Exchange send(String method, String url, Map<String, String> headers, String body)
            throws IOException {
        String host = URI.create(url).getHost();
        Map<String, String> withCookies = new LinkedHashMap<>(headers);
        Map<String, String> jar = cookiesByHost.getOrDefault(host, Map.of());
        if (!jar.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            jar.forEach((name, value) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            withCookies.put("Cookie", cookie.toString());
        }
        MappedHttpClient.Exchange exchange = client.send(method, url, withCookies, body);
        for (String setCookie : exchange.headers().getOrDefault("set-cookie", List.of())) {
            store(host, setCookie);
        }
        return exchange;
    }

    Optional<String> cookie(String host, String name) {
        return Optional.ofNullable(cookiesByHost.getOrDefault(host, Map.of()).get(name));
    }

    void setCookie(String host, String name, String value) {
        cookiesByHost.computeIfAbsent(host, any -> new LinkedHashMap<>()).put(name, value);
    }

    /** Takes {@code other}'s cookies for {@code host}, e.g. to be signed in to GitHub already. */
    void copyCookies(String host, ScriptedBrowser other) {
        cookiesByHost.put(host, new LinkedHashMap<>(other.cookiesByHost.getOrDefault(host, Map.of())));
    }

    private void store(String host, String setCookie) {
        String[] parts = setCookie.split(";");
        String name = parts[0].substring(0, parts[0].indexOf('=')).trim();
        String value = parts[0].substring(parts[0].indexOf('=') + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970");
        }
        Map<String, String> jar = cookiesByHost.computeIfAbsent(host, any -> new LinkedHashMap<>());
        if (expired) {
            jar.remove(name);
        } else {
            jar.put(name, value);
        }
    }
}
