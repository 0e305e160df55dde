package dev.smokegate.reference.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.smokegate.reference.services.FreePorts;
import dev.smokegate.reference.services.Loopback;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a JDK server on loopback that records what reached it and answers with two cookies. */
class ReverseProxyTest {

    private final AtomicReference<Seen> seen = new AtomicReference<>();
    private HttpServer upstream;
    private ReverseProxy proxy;

    /** What the upstream received. */
    private record Seen(String method, String uri, Headers headers, String body) {
    }

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(Loopback.ADDRESS, 0), 0);
        upstream.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                seen.set(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Headers headers = exchange.getResponseHeaders();
            headers.add("Set-Cookie", "sid=a; Path=/; HttpOnly");
            headers.add("Set-Cookie", "other=b; Path=/");
            headers.add("Location", "https://app.smokegate.test/");
            headers.add("Connection", "close");
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(302, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        proxy = new ReverseProxy(upstream.getAddress().getPort(), request -> Map.of("X-Smokegate-Faults", "A,B"));
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBodyAndSaysWhichSchemeAndHostTheClientUsed() throws Exception {
        Headers headers = new Headers();
        headers.add("Cookie", "sid=a; other=b");
        headers.add("Content-Type", "application/x-www-form-urlencoded");
        headers.add("Accept", "application/json");

        proxy.handle(new Request("POST", true, "api.smokegate.test", "/auth/x%2Fy", "a=1&b=%20", headers,
                "code=1&state=2".getBytes(StandardCharsets.UTF_8)));

        Seen request = seen.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/auth/x%2Fy?a=1&b=%20");
        assertThat(request.body()).isEqualTo("code=1&state=2");
        assertThat(request.headers().getFirst("Cookie")).isEqualTo("sid=a; other=b");
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(request.headers().getFirst("X-Forwarded-Host")).isEqualTo("api.smokegate.test");
        assertThat(request.headers().getFirst("X-Smokegate-Faults")).isEqualTo("A,B");
    }

    @Test
    void aClientsOwnForwardingAndFaultHeadersNeverReachTheUpstream() throws Exception {
        Headers headers = new Headers();
        headers.add("X-Forwarded-Proto", "http");
        headers.add("X-Forwarded-Host", "evil.example");
        headers.add("X-Forwarded-For", "203.0.113.9");
        headers.add("X-Smokegate-Faults", "STATE_REUSED");

        proxy.handle(new Request("GET", false, "api.smokegate.test", "/auth/github", null, headers));

        Headers received = seen.get().headers();
        assertThat(received.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(received.get("X-Forwarded-Host")).containsExactly("api.smokegate.test");
        assertThat(received.get("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.get("X-Smokegate-Faults")).containsExactly("A,B");
    }

    @Test
    void returnsStatusEverySetCookieAndTheBodyButNotHopByHopHeaders() throws Exception {
        Response response = (Response) proxy.handle(new Request("GET", true, "api.smokegate.test", "/auth/github",
                null, new Headers()));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().get("Set-Cookie")).containsExactly("sid=a; Path=/; HttpOnly", "other=b; Path=/");
        assertThat(response.headers().get("Location")).containsExactly("https://app.smokegate.test/");
        assertThat(response.headers()).doesNotContainKeys("Connection", "Content-Length", "Date");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aPathThatLooksLikeAnotherHostStaysAPathOnTheUpstream() throws Exception {
        proxy.handle(new Request("GET", true, "api.smokegate.test", "//evil.example/x", null, new Headers()));

        assertThat(seen.get().uri()).isEqualTo("//evil.example/x");
    }

    @Test
    void anUpstreamThatIsDownIsABadGateway() throws Exception {
        ReverseProxy toNothing = new ReverseProxy(FreePorts.pick(), request -> Map.of());

        Response response = (Response) toNothing.handle(new Request("GET", true, "api.smokegate.test", "/api/me",
                null, new Headers()));

        assertThat(response.status()).isEqualTo(502);
    }

    @Test
    void headerNamesComeBackAsTheSiteFiltersWriteThem() {
        assertThat(List.of("set-cookie", "content-type", "x-oauth-scopes", "vary").stream()
                .map(ReverseProxy::canonical)).containsExactly("Set-Cookie", "Content-Type", "X-Oauth-Scopes",
                "Vary");
    }
}
