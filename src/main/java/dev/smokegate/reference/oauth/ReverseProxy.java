package dev.smokegate.reference.oauth;

import dev.smokegate.reference.services.Loopback;
import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Reply;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Forwards a request to a plain-HTTP server on a loopback port and returns its answer, as nginx's
 * {@code proxy_pass} does: method, path and query, headers (Cookie included) and body go up; status, headers
 * (every Set-Cookie) and body come back. The upstream learns the public scheme and host from
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; hop-by-hop headers stay on their hop.
 */
public final class ReverseProxy implements Handler {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Hop-by-hop headers (RFC 9110 §7.6.1), those the JDK client sets itself or refuses, and the forwarding headers
     * this proxy sets: a client's own {@code X-Forwarded-*} must never reach the upstream.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "http2-settings", "host", "content-length", "expect", "date",
            "from", "via", "warning", "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");
    /** Hop-by-hop again, and what the front end's own server sets (length, date). */
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade", "content-length", "date", "server");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI upstream;
    private final Function<Request, Map<String, String>> addedHeaders;

    /**
     * @param addedHeaders more headers to send up with each request; a client's headers of the same names are
     *                     dropped
     */
    public ReverseProxy(int port, Function<Request, Map<String, String>> addedHeaders) {
        this.upstream = URI.create("http://" + Loopback.HOST + ":" + port);
        this.addedHeaders = addedHeaders;
    }

    @Override
    public Reply handle(Request request) throws InterruptedException {
        Map<String, String> added = new LinkedHashMap<>(addedHeaders.apply(request));
        added.put("X-Forwarded-Proto", request.secure() ? "https" : "http");
        added.put("X-Forwarded-Host", request.host());
        added.put("X-Forwarded-For", Loopback.HOST);
        Set<String> replaced = lowerCase(added.keySet());
        byte[] body = request.body();
        URI target;
        try {
            // Appended, not resolved: a path such as //host/x must stay a path here.
            target = URI.create(upstream + request.pathAndQuery());
        } catch (IllegalArgumentException e) {
            return Response.text(400, "400 Bad Request\n");
        }
        HttpRequest.Builder up = HttpRequest.newBuilder(target)
                .timeout(ANSWER_TIMEOUT)
                .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !replaced.contains(lower)) {
                values.forEach(value -> up.header(name, value));
            }
        });
        added.forEach(up::header);
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(up.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return Response.text(502, "502 Bad Gateway\n");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(canonical(name), new ArrayList<>(values));
            }
        });
        return new Response(answer.statusCode(), headers, answer.body());
    }

    /** {@code set-cookie} as {@code Set-Cookie}: the name the site filters use when they add their headers. */
    static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new java.util.HashSet<>();
        names.forEach(name -> lower.add(name.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
