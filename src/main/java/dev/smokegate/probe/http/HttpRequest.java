package dev.smokegate.probe.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request a probe sends: a method, a URL and the headers that make it what it is (an {@code Origin}, the
 * {@code Access-Control-Request-*} of a preflight). The run's configured request headers are added by the fetcher.
 */
public record HttpRequest(String method, URI url, List<HttpExchange.Header> headers, Optional<String> body,
                          int bodyLimit) {

    public HttpRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = List.copyOf(headers);
        if (bodyLimit < 0) {
            throw new IllegalArgumentException("bodyLimit must not be negative: " + bodyLimit);
        }
    }

    public HttpRequest(String method, URI url, List<HttpExchange.Header> headers, Optional<String> body) {
        this(method, url, headers, body, HttpExchange.BODY_LIMIT);
    }

    public HttpRequest(String method, URI url, List<HttpExchange.Header> headers) {
        this(method, url, headers, Optional.empty());
    }

    public static HttpRequest get(URI url) {
        return new HttpRequest("GET", url, List.of());
    }

    public HttpRequest withHeader(String name, String value) {
        List<HttpExchange.Header> more = new ArrayList<>(headers);
        more.add(new HttpExchange.Header(name, value));
        return new HttpRequest(method, url, more, body, bodyLimit);
    }

    /** The first value of the header {@code name}, ignoring case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpExchange.Header::value)
                .findFirst();
    }

    /**
     * A text body, sent in UTF-8 as the request's {@code Content-Type} header says, or as
     * {@code text/plain;charset=UTF-8} (what Engine.IO's polling transport posts) without one.
     */
    public HttpRequest withBody(String text) {
        return new HttpRequest(method, url, headers, Optional.of(text), bodyLimit);
    }

    /**
     * Reads up to {@code bytes} of the answer's body instead of {@link HttpExchange#BODY_LIMIT}: for a probe that
     * must search a whole asset (a secret in the last line of a 300 kB chunk is still public). Reports still show
     * only the first {@link HttpExchange#BODY_LIMIT}.
     */
    public HttpRequest withBodyLimit(int bytes) {
        return new HttpRequest(method, url, headers, body, bytes);
    }

    /** Identifies equal requests, so probes that send the same request share one observation. */
    public String key() {
        StringBuilder key = new StringBuilder("http ").append(method).append(' ').append(url);
        headers.forEach(h -> key.append(" [").append(h.name()).append(": ").append(h.value()).append(']'));
        body.ifPresent(b -> key.append(" body ").append(b));
        if (bodyLimit != HttpExchange.BODY_LIMIT) {
            key.append(" body-limit ").append(bodyLimit);
        }
        return key.toString();
    }
}
