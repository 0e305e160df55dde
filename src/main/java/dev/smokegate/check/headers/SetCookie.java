package dev.smokegate.check.headers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name and attributes of one {@code Set-Cookie} header. The value is deliberately not kept: it may be a
 * session token, and nothing judges it.
 */
public record SetCookie(String name, Map<String, String> attributes) {

    public SetCookie {
        attributes = Map.copyOf(attributes);
    }

    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0].trim();
        int equals = pair.indexOf('=');
        String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            if (attribute.isEmpty()) {
                continue;
            }
            int eq = attribute.indexOf('=');
            String key = (eq < 0 ? attribute : attribute.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            attributes.putIfAbsent(key, eq < 0 ? "" : attribute.substring(eq + 1).trim());
        }
        return new SetCookie(name, attributes);
    }

    public boolean secure() {
        return attributes.containsKey("secure");
    }

    public boolean httpOnly() {
        return attributes.containsKey("httponly");
    }

    public Optional<String> sameSite() {
        return Optional.ofNullable(attributes.get("samesite")).map(v -> v.toLowerCase(Locale.ROOT));
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }
}
