package dev.smokegate.probe.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The decoded query parameters of a URL, in order, repeated names kept (an authorize URL's). */
public record QueryParameters(Map<String, List<String>> values) {

    public QueryParameters {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static QueryParameters of(URI url) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String query = url.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    public Optional<String> first(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }

    public int count(String name) {
        return values.getOrDefault(name, List.of()).size();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
