package dev.smokegate.reference.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete response. Immutable, so filters (per-origin headers such as HSTS or CSP) derive new ones.
 *
 * @param headers in the order they are sent; names as they should appear on the wire
 */
public record Response(int status, Map<String, List<String>> headers, byte[] body) implements Reply {

    public Response {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    public static Response html(int status, String html) {
        return withBody(status, "text/html; charset=utf-8", html);
    }

    public static Response json(int status, String json) {
        return withBody(status, "application/json", json);
    }

    public static Response javascript(int status, String script) {
        return withBody(status, "text/javascript; charset=utf-8", script);
    }

    public static Response text(int status, String text) {
        return withBody(status, "text/plain; charset=utf-8", text);
    }

    /** A redirect without body, as nginx or a CDN sends it. */
    public static Response redirect(int status, String location) {
        return new Response(status, Map.of("Location", List.of(location)), new byte[0]);
    }

    /** Adds a header value, keeping values the response already has for that name. */
    public Response withHeader(String name, String value) {
        Map<String, List<String>> updated = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(updated.getOrDefault(name, List.of()));
        values.add(value);
        updated.put(name, values);
        return new Response(status, updated, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    private static Response withBody(int status, String contentType, String body) {
        return new Response(status, Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
