package dev.smokegate.check.headers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Content-Security-Policy as sent ({@code text}) and parsed: directive names lowercased, sources kept as written
 * (keywords compared case-insensitively). Per CSP3 the first occurrence of a directive wins; later duplicates are
 * ignored.
 */
public record CspPolicy(String text, Map<String, List<String>> directives) {

    /**
     * CSP3 §6.8.3 "Get fetch directive fallback list": where a directive's sources come from when it is absent.
     * Directives not listed (script-src, base-uri, form-action, …) have no fallback.
     */
    private static final Map<String, List<String>> FALLBACKS = Map.ofEntries(
            Map.entry("script-src-elem", List.of("script-src", "default-src")),
            Map.entry("script-src-attr", List.of("script-src", "default-src")),
            Map.entry("style-src-elem", List.of("style-src", "default-src")),
            Map.entry("style-src-attr", List.of("style-src", "default-src")),
            Map.entry("worker-src", List.of("child-src", "script-src", "default-src")),
            Map.entry("connect-src", List.of("default-src")),
            Map.entry("manifest-src", List.of("default-src")),
            Map.entry("object-src", List.of("default-src")),
            Map.entry("frame-src", List.of("child-src", "default-src")),
            Map.entry("media-src", List.of("default-src")),
            Map.entry("font-src", List.of("default-src")),
            Map.entry("img-src", List.of("default-src")));

    /** The sources that govern a directive and the directive they are written in. */
    public record SourceList(String directive, List<String> sources) {

        public SourceList {
            sources = List.copyOf(sources);
        }

        boolean has(String keyword) {
            return sources.stream().anyMatch(s -> s.equalsIgnoreCase(keyword));
        }

        List<CspSource> parsed() {
            return sources.stream().map(CspSource::parse).toList();
        }
    }

    public CspPolicy {
        directives = Map.copyOf(directives);
    }

    /** One serialized policy: a header value holds several, separated by commas (CSP3 §3.1). */
    public static CspPolicy parse(String serialized) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String raw : serialized.split(";")) {
            List<String> tokens = Arrays.stream(raw.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
            if (!tokens.isEmpty()) {
                directives.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        return new CspPolicy(serialized.trim(), directives);
    }

    /** Every policy in one header value; empty members (a trailing comma) are no policy. */
    public static List<CspPolicy> parseAll(String headerValue) {
        return Arrays.stream(headerValue.split(",")).map(CspPolicy::parse).filter(p -> !p.directives().isEmpty())
                .toList();
    }

    public Optional<List<String>> directive(String name) {
        return Optional.ofNullable(directives.get(name));
    }

    /** The sources that govern {@code name}: the directive itself, else the first present in its fallback list. */
    public Optional<SourceList> effective(String name) {
        if (directives.containsKey(name)) {
            return Optional.of(new SourceList(name, directives.get(name)));
        }
        return FALLBACKS.getOrDefault(name, List.of()).stream().filter(directives::containsKey).findFirst()
                .map(fallback -> new SourceList(fallback, directives.get(fallback)));
    }

    /**
     * The sources eval() and new Function() are checked against: script-src, else default-src (CSP3's
     * EnsureCSPDoesNotBlockStringCompilation).
     */
    public Optional<SourceList> evalSources() {
        return directive("script-src").map(s -> new SourceList("script-src", s))
                .or(() -> directive("default-src").map(s -> new SourceList("default-src", s)));
    }
}
