package dev.smokegate.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A cursor over a parsed YAML mapping that knows its dotted key path, so every problem it reports names the key.
 * Problems are collected, not thrown: a user fixes all of them in one go.
 */
final class YamlNode {

    private final String path;
    private final Map<String, Object> values;
    private final List<String> problems;

    private YamlNode(String path, Map<String, Object> values, List<String> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    static YamlNode root(Map<String, Object> values, List<String> problems) {
        return new YamlNode("", values, problems);
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String key, String message) {
        problems.add(key + ": " + message);
    }

    /** Reports keys this node does not know, with the nearest known key as a hint. */
    void allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                String hint = known.stream().filter(k -> similar(k, name)).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                problem(key(name), "unknown key" + hint + "; known keys here: " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
    }

    Optional<YamlNode> section(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> map = asMap(value);
        if (map.isEmpty()) {
            problem(key(name), "expected a mapping of keys, found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new YamlNode(key(name), map.get(), problems));
    }

    Optional<String> string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            problem(key(name), "expected a single value, found " + describe(value));
            return Optional.empty();
        }
        if (value instanceof java.util.Date date) {
            // YAML 1.1 turns 2027-01-31 into a timestamp; the user wrote a day, so give the day back.
            return Optional.of(date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
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
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key(name), "expected a list, found " + describe(value));
            return List.of();
        }
        return new ArrayList<>(list);
    }

    List<YamlNode> sections(String name) {
        List<YamlNode> result = new ArrayList<>();
        List<Object> items = list(name);
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key(name) + "[" + i + "]";
            Optional<Map<String, Object>> map = asMap(items.get(i));
            if (map.isEmpty()) {
                problem(itemKey, "expected a mapping of keys, found " + describe(items.get(i)));
            } else {
                result.add(new YamlNode(itemKey, map.get(), problems));
            }
        }
        return result;
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        section(name).ifPresent(node -> node.values.forEach((k, v) -> {
            if (v instanceof Map || v instanceof List || v == null) {
                problem(node.key(k), "expected a single value, found " + describe(v));
            } else {
                result.put(k, String.valueOf(v));
            }
        }));
        return result;
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

    private static boolean similar(String a, String b) {
        return a.replace("-", "").replace("_", "").equalsIgnoreCase(b.replace("-", "").replace("_", ""))
                || levenshtein(a, b) <= 2;
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
