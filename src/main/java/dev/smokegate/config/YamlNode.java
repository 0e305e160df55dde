package dev.smokegate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cursor over one mapping of the parsed YAML that knows its dotted key path, so every problem names its key.
 * Every key a reader asks for becomes a known key of the mapping, whether present or not; when the reader is done,
 * present keys nobody asked for are reported as unknown, ahead of the mapping's other problems, with the nearest
 * known key as a hint. So a section learns a new key by reading it, and nowhere else.
 * Problems are collected, not thrown: a user fixes all of them in one go.
 */
final class YamlNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    /** {@code scheme://}, the authority, and the rest: where an internationalised host would be. */
    private static final Pattern URL_PARTS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)",
            Pattern.DOTALL);

    private final String path;
    private final Map<String, Object> values;
    private final LoadContext context;
    /** Sorted, so hints and the list of known keys read the same on every run. */
    private final Set<String> asked = new TreeSet<>();
    /** Where this mapping's problems begin: its unknown keys go there, before what its readers found. */
    private final int mark;

    private YamlNode(String path, Map<String, Object> values, LoadContext context) {
        this.path = path;
        this.values = values;
        this.context = context;
        this.mark = context.problems().size();
    }

    /** Reads the top-level mapping with {@code reader}, then reports its unknown keys. */
    static <T> T readRoot(Map<String, Object> values, LoadContext context, Function<YamlNode, T> reader) {
        return new YamlNode("", values, context).readWith(reader);
    }

    private <T> T readWith(Function<YamlNode, T> reader) {
        T result = reader.apply(this);
        reportUnknownKeys();
        return result;
    }

    LoadContext context() {
        return context;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String key, String message) {
        context.problems().add(key + ": " + message);
    }

    private Object get(String name) {
        asked.add(name);
        return values.get(name);
    }

    /** The nested mapping {@code name} read with {@code reader}; empty when absent or not a mapping. */
    <T> Optional<T> section(String name, Function<YamlNode, T> reader) {
        Object value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> map = asMap(value);
        if (map.isEmpty()) {
            problem(key(name), "expected a mapping of keys, found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new YamlNode(key(name), map.get(), context).readWith(reader));
    }

    /** Whether {@code name} holds a mapping rather than a list or a value, for keys that accept either. */
    boolean holdsMapping(String name) {
        return values.get(name) instanceof Map;
    }

    /** The list of mappings {@code name}, each read with {@code reader}; items that are not mappings are reported. */
    <T> List<T> sections(String name, Function<YamlNode, T> reader) {
        List<Object> items = list(name);
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Optional<Map<String, Object>> map = asMap(items.get(i));
            if (map.isEmpty()) {
                problem(key(name) + "[" + i + "]", "expected a mapping of keys, found " + describe(items.get(i)));
            }
            maps.add(map.orElse(null));
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) != null) {
                result.add(new YamlNode(key(name) + "[" + i + "]", maps.get(i), context).readWith(reader));
            }
        }
        return result;
    }

    Optional<String> string(String name) {
        Object value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            problem(key(name), "expected a single value, found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value));
    }

    Optional<String> requiredString(String name) {
        Optional<String> value = string(name);
        if (value.isEmpty() && !values.containsKey(name)) {
            problem(key(name), "required key is missing");
        }
        return value;
    }

    <T> Optional<T> parsed(String name, Function<String, Optional<T>> parser, String expectation) {
        return string(name).flatMap(text -> {
            Optional<T> result = parser.apply(text);
            if (result.isEmpty()) {
                problem(key(name), expectation + ", found \"" + text + "\"");
            }
            return result;
        });
    }

    List<Object> list(String name) {
        Object value = get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key(name), "expected a list, found " + describe(value));
            return List.of();
        }
        return new ArrayList<>(list);
    }

    /** A mapping of free-form names (header names, query parameters) to single values. */
    Map<String, String> stringMap(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        section(name, node -> {
            node.values.forEach((k, v) -> {
                node.asked.add(k);
                if (v instanceof Map || v instanceof List || v == null) {
                    node.problem(node.key(k), "expected a single value, found " + describe(v));
                } else {
                    result.put(k, String.valueOf(v));
                }
            });
            return result;
        });
        return result;
    }

    /** {@link #stringMap} with each value's {@code ${VAR}}s expanded. */
    Map<String, ConfigValue> expandedMap(String name) {
        Map<String, ConfigValue> result = new LinkedHashMap<>();
        stringMap(name).forEach((k, raw) -> result.put(k, context.expand(key(name) + "." + k, raw)));
        return result;
    }

    Optional<ConfigValue> expanded(String name) {
        return string(name).map(raw -> context.expand(key(name), raw));
    }

    /** A value that carries credentials, so it must come from the environment, never be written in the file. */
    Optional<ConfigValue> credentialReference(String name) {
        return expanded(name).map(value -> {
            if (value.variables().isEmpty()) {
                problem(key(name), "must be a ${ENV_VAR} reference (it carries credentials), found a literal value");
            }
            return value;
        });
    }

    Optional<URI> url(String name, boolean required) {
        Optional<String> text = required ? requiredString(name) : string(name);
        return text.flatMap(t -> {
            Optional<URI> parsed = parseUrl(t, Set.of("http", "https"));
            if (parsed.isEmpty()) {
                problem(key(name), "not a valid URL: \"" + t + "\" (expected http:// or https:// "
                        + "with a host, no credentials)");
            }
            return parsed;
        });
    }

    /**
     * {@code text} as a URL with one of {@code schemes}, a host, and neither credentials nor a fragment. An
     * internationalised host becomes its ASCII form (see {@link HostPort}), which {@link URI} requires.
     */
    static Optional<URI> parseUrl(String text, Set<String> schemes) {
        Matcher parts = URL_PARTS.matcher(text.trim());
        if (parts.matches() && !parts.group(2).chars().allMatch(c -> c < 128)) {
            return HostPort.parse(parts.group(2))
                    .flatMap(authority -> parseUrl(parts.group(1) + authority + parts.group(3), schemes));
        }
        try {
            URI uri = new URI(text.trim());
            boolean ok = uri.getScheme() != null && schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A list of origins ({@code scheme://host[:port]}, no path) with one of {@code schemes}. */
    List<URI> origins(String name, Set<String> schemes) {
        List<URI> urls = new ArrayList<>();
        List<Object> items = list(name);
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i));
            Optional<URI> url = parseUrl(text, schemes).filter(u -> u.getRawPath() == null || u.getRawPath().isEmpty()
                    || u.getRawPath().equals("/"));
            if (url.isPresent()) {
                urls.add(url.get());
            } else {
                problem(key(name) + "[" + i + "]", "expected an origin such as "
                        + String.join(" or ", schemes.stream().sorted().map(s -> s + "://app.example.com").toList())
                        + " (no path), found \"" + text + "\"");
            }
        }
        return urls;
    }

    /** The items of list {@code name} that have {@code shape}, trimmed; each other item is reported. */
    List<String> tokens(String name, Pattern shape, String expectation) {
        List<String> tokens = new ArrayList<>();
        List<Object> items = list(name);
        for (int i = 0; i < items.size(); i++) {
            String text = String.valueOf(items.get(i)).trim();
            if (shape.matcher(text).matches()) {
                tokens.add(text);
            } else {
                problem(key(name) + "[" + i + "]", "expected " + expectation + ", found \"" + text + "\"");
            }
        }
        return tokens;
    }

    /** A path and query to resolve against a configured origin: see {@link UriPath}. */
    Optional<String> path(String name) {
        return string(name).flatMap(text -> {
            Optional<String> wrong = UriPath.problem(text);
            wrong.ifPresent(why -> problem(key(name), why));
            return wrong.isPresent() ? Optional.empty() : Optional.of(text);
        });
    }

    Optional<Integer> days(String name) {
        return parsed(name, text -> {
            try {
                int value = Integer.parseInt(text.trim());
                return value >= 0 && value <= 3650 ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, "expected a whole number of days (0 to 3650)");
    }

    Optional<Duration> duration(String name) {
        return parsed(name, text -> {
            Matcher m = DURATION.matcher(text.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            long amount = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return d.isZero() ? Optional.empty() : Optional.of(d);
        }, "expected a positive duration such as 500ms, 5s or 2m");
    }

    Optional<Boolean> bool(String name) {
        return parsed(name, text -> Optional.of(text.trim())
                .filter(t -> t.equals("true") || t.equals("false")).map(Boolean::parseBoolean),
                "expected true or false");
    }

    private void reportUnknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!asked.contains(name)) {
                String hint = asked.stream().filter(k -> KeyHints.similar(k, name)).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                unknown.add(key(name) + ": unknown key" + hint + "; known keys here: " + String.join(", ", asked));
            }
        }
        context.problems().addAll(mark, unknown);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
            return Optional.of(result);
        }
        return Optional.empty();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "\"" + value + "\"";
    }
}
