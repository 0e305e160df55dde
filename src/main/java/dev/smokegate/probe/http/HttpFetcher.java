package dev.smokegate.probe.http;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.OriginTimeouts;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.TransportRetries;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.http.conn.scheme.PlainSocketFactory;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.conn.ssl.SSLSocketFactory;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.conn.PoolingClientConnectionManager;
import org.apache.http.params.BasicHttpParams;
import org.apache.http.params.CoreConnectionPNames;

/**
 * Makes one HTTP request with rest-assured and records it as an {@link HttpObservation}: never follows redirects,
 * honours the run's host mappings and trust, and is bounded by the connect and read timeouts plus a cap on the
 * whole request, connect + read, that holds across a retry (a server that trickles bytes or stalls its body still
 * ends on time).
 *
 * <p>A transport error before any response (reset, refused, connect timeout, closed before the status line) is
 * retried up to {@code timeouts.transport-retries} times, never after an HTTP status and never once the address
 * has timed out in this run; the observation names the retries, so the run shows the flaky edge instead of hiding
 * it. Once a request to an address times out, later requests to the same address fail at once, naming that first
 * timeout ({@link OriginTimeouts}).
 */
@SuppressWarnings("deprecation")
public final class HttpFetcher {

    private static final String CONTENT_TYPE = "Content-Type";

    private HttpFetcher() {
    }

    public static HttpObservation get(URI url, ProbeContext context) {
        return fetch(HttpRequest.get(url), context);
    }

    public static HttpObservation fetch(HttpRequest request, ProbeContext context) {
        EnvironmentConfig config = context.config();
        OriginTimeouts.Origin origin = OriginTimeouts.Origin.of(request.url(), config);
        Optional<String> earlier = context.originTimeouts().earlier(origin);
        if (earlier.isPresent()) {
            return HttpObservation.unanswered(request, HttpFailure.TIMED_OUT,
                    "not sent: " + Endpoints.where(request.url(), config) + " " + earlier.get(), Duration.ZERO);
        }
        WireTimer timer = new WireTimer(config.timeouts().connect().plus(config.timeouts().read()));
        try {
            TransportRetries.Tried<Attempt> tried = TransportRetries.run(config.timeouts().transportRetries(),
                    () -> !timer.capped() && context.originTimeouts().earlier(origin).isEmpty(),
                    () -> attempt(request, context, timer));
            Attempt last = tried.last();
            if (last.exchange().isPresent()) {
                return HttpObservation.answered(request, last.exchange().get()).withRetries(tried.retried());
            }
            HttpFailures.Failure failure = last.failure().orElseThrow();
            String description = tried.describe(failure.description());
            if (failure.kind() == HttpFailure.TIMED_OUT) {
                context.originTimeouts().timedOut(origin, request.method() + " " + request.url(), description);
            }
            return HttpObservation.unanswered(request, failure.kind(), description, timer.elapsed())
                    .withRetries(tried.retried());
        } finally {
            timer.stop();
        }
    }

    /** One try at the request on fresh connections: a response, or why none came. */
    private record Attempt(Optional<HttpExchange> exchange, Optional<HttpFailures.Failure> failure)
            implements TransportRetries.Attempt {

        @Override
        public Optional<TransportError> retryable() {
            return failure.flatMap(HttpFailures.Failure::transport);
        }
    }

    private static Attempt attempt(HttpRequest request, ProbeContext context, WireTimer timer) {
        timer.nextAttempt();
        PoolingClientConnectionManager connections = connections(context, timer);
        try {
            Response response = specification(request, connections, context, timer)
                    .request(request.method(), request.url());
            return new Attempt(Optional.of(exchange(request, context, response, timer)), Optional.empty());
        } catch (Exception e) {
            return new Attempt(Optional.empty(), Optional.of(HttpFailures.classify(e, request.url(),
                    context.config(), timer.capped(), timer.hasAnswer())));
        } finally {
            connections.shutdown();
        }
    }

    private static RequestSpecification specification(HttpRequest request, PoolingClientConnectionManager connections,
                                                      ProbeContext context, WireTimer timer) {
        EnvironmentConfig config = context.config();
        BasicHttpParams params = new BasicHttpParams();
        params.setIntParameter(CoreConnectionPNames.CONNECTION_TIMEOUT, (int) config.timeouts().connect().toMillis());
        params.setIntParameter(CoreConnectionPNames.SO_TIMEOUT, (int) config.timeouts().read().toMillis());
        RestAssuredConfig restConfig = RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .httpClientFactory(() -> {
                            DefaultHttpClient client = new DefaultHttpClient(connections, params);
                            client.addResponseInterceptor((response, httpContext) -> timer.answered());
                            // Retries are fetch()'s, which records them; HttpClient's own would be silent.
                            client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
                            return client;
                        }));
        RequestSpecification spec = RestAssured.given().config(restConfig).urlEncodingEnabled(false);
        for (HttpExchange.Header header : headers(request, config)) {
            if (!header.name().equalsIgnoreCase(CONTENT_TYPE)) {
                spec = spec.header(header.name(), header.value());
            }
        }
        if (request.body().isPresent()) {
            // The body's exact bytes: a signed body (a webhook delivery) must arrive as it was signed.
            spec = spec.contentType(request.header(CONTENT_TYPE).orElse("text/plain;charset=UTF-8"))
                    .body(request.body().get().getBytes(StandardCharsets.UTF_8));
        }
        return spec;
    }

    private static PoolingClientConnectionManager connections(ProbeContext context, WireTimer timer) {
        EnvironmentConfig config = context.config();
        SchemeRegistry schemes = new SchemeRegistry();
        schemes.register(new Scheme("http", 80,
                MappedConnections.plain(PlainSocketFactory.getSocketFactory(), config, timer)));
        schemes.register(new Scheme("https", 443, MappedConnections.layered(
                new SSLSocketFactory(context.trust(), SSLSocketFactory.STRICT_HOSTNAME_VERIFIER), config, timer)));
        return new PoolingClientConnectionManager(schemes, MappedConnections.resolver(config));
    }

    /**
     * What goes on the wire: our User-Agent (unless the request has its own), the environment's configured headers
     * (they may carry credentials, so only over TLS to the environment's own origins) unless the request sets the same
     * header itself (a probe's own Authorization, a forged token, must not travel beside the configured one), then the
     * request's own.
     */
    static List<HttpExchange.Header> headers(HttpRequest request, EnvironmentConfig config) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        if (request.header("User-Agent").isEmpty()) {
            headers.add(new HttpExchange.Header("User-Agent", "smokegate"));
        }
        if (config.mayCarryCredentials(request.url())) {
            for (var header : config.http().requestHeaders().entrySet()) {
                if (request.header(header.getKey()).isEmpty()) {
                    ConfigValue value = header.getValue();
                    headers.add(new HttpExchange.Header(header.getKey(), value.value()));
                }
            }
        }
        headers.addAll(request.headers());
        return headers;
    }

    private static HttpExchange exchange(HttpRequest request, ProbeContext context, Response response,
                                         WireTimer timer) throws IOException {
        Body body = readBody(response, request.bodyLimit());
        Duration latency = timer.latency().orElseGet(timer::elapsed);
        List<HttpExchange.Header> responseHeaders = response.headers().asList().stream()
                .map(h -> new HttpExchange.Header(h.getName(), h.getValue())).toList();
        String statusLine = response.statusLine();
        String reason = statusLine.replaceFirst("^\\S+\\s+\\d{3}\\s*", "");
        return new HttpExchange(request.method(), request.url(), headers(request, context.config()),
                response.statusCode(), reason, responseHeaders,
                body.text(), body.truncated(), latency);
    }

    private record Body(String text, boolean truncated) {
    }

    private static Body readBody(Response response, int limit) throws IOException {
        try (InputStream in = response.asInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            boolean truncated = bytes.length > limit;
            int length = Math.min(bytes.length, limit);
            return new Body(new String(bytes, 0, length, StandardCharsets.UTF_8), truncated);
        }
    }
}
