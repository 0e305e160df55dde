package dev.smokegate.reference.github;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fields of a query string or an {@code application/x-www-form-urlencoded} body (the first value of a repeated
 * name counts, as Rails reads them), and the same encoding back.
 */
record FormFields(Map<String, String> values) {

    FormFields {
        values = Map.copyOf(values);
    }

    static FormFields parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!name.isEmpty()) {
                    values.putIfAbsent(name, value);
                }
            }
        }
        return new FormFields(values);
    }

    static FormFields parse(byte[] body) {
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Present and not empty. */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    String getOrEmpty(String name) {
        return values.getOrDefault(name, "");
    }

    /** {@code name=value&…} of the pairs whose value is not null, in order. */
    static String encode(List<Map.Entry<String, String>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getValue() != null) {
                out.append(out.length() == 0 ? "" : "&").append(encode(pair.getKey())).append('=')
                        .append(encode(pair.getValue()));
            }
        }
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
