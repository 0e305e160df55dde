package dev.smokegate.probe.http;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.ProbeContext;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
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
 * honours the run's host mappings and trust, and is bounded by the connect and read timeouts plus a hard cap on the
 * whole exchange (a server that trickles bytes forever still ends).
 */
@SuppressWarnings("deprecation")
public final class HttpFetcher {

    private HttpFetcher() {
    }

    public static HttpObservation get(URI url, ProbeContext context) {
        return fetch(HttpRequest.get(url), context);
    }

    public static HttpObservation fetch(HttpRequest request, ProbeContext context) {
        URI url = request.url();
        EnvironmentConfig config = context.config();
        Duration connect = config.timeouts().connect();
        Duration read = config.timeouts().read();
        Holder<PoolingClientConnectionManager> connections = new Holder<>();
        WireTimer timer = new WireTimer(connect.plus(read), () -> connections.value.shutdown());
        connections.value = connections(context, timer);
        try {
            Response response = specification(request, connections.value, context, timer)
                    .request(request.method(), url);
            return HttpObservation.answered(request, exchange(request, context, response, timer));
        } catch (Exception e) {
            Throwable root = rootCause(e);
            return HttpObservation.unanswered(request, kind(root, timer.capped()),
                    describe(root, url, config, timer.capped()), timer.elapsed());
        } finally {
            timer.stop();
            connections.value.shutdown();
        }
    }

    /** Breaks the knot between the watchdog (needs the manager) and the manager (needs the timer). */
    private static final class Holder<T> {
        volatile T value;
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
                            // A silent retry would hide a flaky target and double the time to a verdict.
                            client.setHttpRequestRetryHandler(new DefaultHttpRequestRetryHandler(0, false));
                            return client;
                        }));
        RequestSpecification spec = RestAssured.given().config(restConfig).urlEncodingEnabled(false);
        for (HttpExchange.Header header : headers(request, config)) {
            spec = spec.header(header.name(), header.value());
        }
        if (request.body().isPresent()) {
            spec = spec.contentType("text/plain;charset=UTF-8").body(request.body().get());
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
     * What goes on the wire: our User-Agent, the environment's configured headers (they may carry credentials, so
     * only over TLS to the environment's own origins), then the request's own.
     */
    private static List<HttpExchange.Header> headers(HttpRequest request, EnvironmentConfig config) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        headers.add(new HttpExchange.Header("User-Agent", "smokegate"));
        if (config.mayCarryCredentials(request.url())) {
            for (var header : config.http().requestHeaders().entrySet()) {
                ConfigValue value = header.getValue();
                headers.add(new HttpExchange.Header(header.getKey(), value.value()));
            }
        }
        headers.addAll(request.headers());
        return headers;
    }

    private static HttpExchange exchange(HttpRequest request, ProbeContext context, Response response,
                                         WireTimer timer) throws IOException {
        Body body = readBody(response);
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

    private static Body readBody(Response response) throws IOException {
        try (InputStream in = response.asInputStream()) {
            byte[] bytes = in.readNBytes(HttpExchange.BODY_LIMIT + 1);
            boolean truncated = bytes.length > HttpExchange.BODY_LIMIT;
            int length = Math.min(bytes.length, HttpExchange.BODY_LIMIT);
            return new Body(new String(bytes, 0, length, StandardCharsets.UTF_8), truncated);
        }
    }

    /** One line an on-call engineer can act on; the phrases are what the report's categories match. */
    private static String describe(Throwable root, URI url, EnvironmentConfig config, boolean capped) {
        String where = Endpoints.where(url, config);
        if (capped) {
            return "no complete response within " + Endpoints.seconds(config.timeouts().connect()
                    .plus(config.timeouts().read())) + " from " + where;
        }
        if (root instanceof UnknownHostException) {
            return "could not resolve host " + url.getHost();
        }
        if (root instanceof ConnectException || root instanceof org.apache.http.conn.HttpHostConnectException) {
            return "connection refused by " + where;
        }
        if (root instanceof org.apache.http.conn.ConnectTimeoutException) {
            return "connection timed out after " + Endpoints.seconds(config.timeouts().connect()) + " to " + where;
        }
        if (root instanceof SocketTimeoutException) {
            return "no response within " + Endpoints.seconds(config.timeouts().read()) + " from " + where
                    + " (connection accepted, nothing answered)";
        }
        if (root instanceof SSLException || root instanceof java.security.cert.CertificateException) {
            return "TLS handshake with " + where + " failed: " + root.getMessage();
        }
        return "request to " + where + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static HttpFailure kind(Throwable root, boolean capped) {
        if (capped || root instanceof SocketTimeoutException
                || root instanceof org.apache.http.conn.ConnectTimeoutException) {
            return HttpFailure.TIMED_OUT;
        }
        if (root instanceof UnknownHostException) {
            return HttpFailure.UNRESOLVED;
        }
        if (root instanceof ConnectException || root instanceof org.apache.http.conn.HttpHostConnectException) {
            return HttpFailure.REFUSED;
        }
        if (root instanceof SSLException || root instanceof java.security.cert.CertificateException) {
            return HttpFailure.TLS;
        }
        return HttpFailure.OTHER;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof SSLException)) {
            t = t.getCause();
        }
        return t;
    }

}
