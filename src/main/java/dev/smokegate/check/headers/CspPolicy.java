package dev.smokegate.check.headers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Content-Security-Policy header value: directive names lowercased, sources kept as written (keywords compared
 * case-insensitively). Per CSP3 the first occurrence of a directive wins; later duplicates are ignored.
 */
public record CspPolicy(Map<String, List<String>> directives) {

    public CspPolicy {
        directives = Map.copyOf(directives);
    }

    public static CspPolicy parse(String header) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String raw : header.split(";")) {
            List<String> tokens = Arrays.stream(raw.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
            if (!tokens.isEmpty()) {
                directives.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        return new CspPolicy(directives);
    }

    public Optional<List<String>> directive(String name) {
        return Optional.ofNullable(directives.get(name));
    }

    /** The sources that govern {@code name}: the directive itself, else {@code default-src}, with the name used. */
    public Optional<Map.Entry<String, List<String>>> effective(String name) {
        if (directives.containsKey(name)) {
            return Optional.of(Map.entry(name, directives.get(name)));
        }
        return directive("default-src").map(sources -> Map.entry("default-src", sources));
    }

    static boolean has(List<String> sources, String keyword) {
        return sources.stream().anyMatch(s -> s.equalsIgnoreCase(keyword));
    }
}
