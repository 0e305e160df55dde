package dev.smokegate.probe.http;

import dev.smokegate.model.Excerpt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request and its response as seen on the wire: headers in order and with duplicates kept (two HSTS headers
 * are a finding, so a map would lose facts), the body cut at {@link #BODY_LIMIT} (or at the request's own limit, see
 * {@link HttpRequest#withBodyLimit}; the transcript shows {@link #BODY_LIMIT} at most either way).
 */
public record HttpExchange(String method, URI url, List<Header> requestHeaders, int status, String reason,
                           List<Header> responseHeaders, String body, boolean bodyTruncated, Duration latency) {

    public static final int BODY_LIMIT = 64 * 1024;

    public record Header(String name, String value) {
    }

    public HttpExchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    public List<String> headers(String name) {
        return responseHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("Location").isPresent();
    }

    /** The redirect target resolved against the request URL, as a browser would. */
    public Optional<URI> location() {
        return header("Location").flatMap(l -> {
            try {
                return Optional.of(url.resolve(l.trim()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    public boolean isJson() {
        return header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
    }

    /** Raw HTTP/1.1 text of the exchange, for the report; the redactor masks credentials on the way out. */
    public String transcript() {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(url).append('\n');
        requestHeaders.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append('\n'));
        text.append('\n').append("HTTP/1.1 ").append(status).append(' ').append(reason)
                .append("   (").append(latency.toMillis()).append(" ms)\n");
        responseHeaders.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append('\n'));
        boolean cut = body.length() > BODY_LIMIT;
        text.append('\n').append(cut ? body.substring(0, BODY_LIMIT) : body);
        if (bodyTruncated || cut) {
            text.append(Excerpt.MARK).append("\n[body truncated at ").append(BODY_LIMIT).append(" bytes]");
        }
        return text.toString();
    }
}
