package dev.smokegate.check.cors;

import dev.smokegate.check.Check;
import dev.smokegate.config.CorsPolicy;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.CorsExchange;
import dev.smokegate.probe.http.CorsObservation;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpExchange.Header;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Recorded CORS observations without a server: a {@link Backend} answers every request the cors probe would send,
 * in the probe's order, and the cors.* checks judge the result.
 */
final class RecordedCors {

    static final String APP = "https://app.example.com";
    static final EnvironmentConfig CONFIG = config(CorsPolicy.DEFAULTS);

    private RecordedCors() {
    }

    static EnvironmentConfig config(CorsPolicy policy) {
        return EnvironmentConfig.builder("recorded", URI.create(APP), URI.create("https://api.example.com"))
                .cors(policy).build();
    }

    static CorsPolicy policy(List<String> allowedOrigins, boolean credentials, List<String> methods,
                             List<String> requestHeaders, boolean allowPreviewOrigins) {
        return new CorsPolicy(Optional.empty(), allowedOrigins.stream().map(URI::create).toList(), credentials,
                methods, requestHeaders, allowPreviewOrigins);
    }

    /** One request the probe sends, as the backend sees it. */
    record Request(String origin, CorsExchange.Kind kind, String method, List<String> requestHeaders) {

        boolean preflight() {
            return kind == CorsExchange.Kind.PREFLIGHT;
        }
    }

    /** A status and headers; {@link #NONE} stands for no response at all. */
    record Reply(int status, List<Header> headers) {

        static final Reply NONE = new Reply(0, List.of());

        static Reply of(int status, String... pairs) {
            List<Header> headers = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                headers.add(new Header(pairs[i], pairs[i + 1]));
            }
            return new Reply(status, headers);
        }

        Reply without(String name) {
            return new Reply(status, headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList());
        }

        Reply with(String name, String value) {
            List<Header> more = new ArrayList<>(headers);
            more.add(new Header(name, value));
            return new Reply(status, more);
        }

        Reply replacing(String name, String value) {
            return without(name).with(name, value);
        }
    }

    @FunctionalInterface
    interface Backend {

        Reply answer(Request request);

        default Backend when(Predicate<Request> which, UnaryOperator<Reply> change) {
            return request -> which.test(request) ? change.apply(answer(request)) : answer(request);
        }

        default Backend everywhere(UnaryOperator<Reply> change) {
            return when(request -> true, change);
        }
    }

    /**
     * What the Express {@code cors} package sends for {@code cors({ origin: accepts, credentials })} with its
     * default methods and request headers reflected: an accepted origin is echoed, any other gets no
     * Access-Control-Allow-Origin, and Vary: Origin is always sent because the origin is dynamic.
     */
    static Backend expressCors(Predicate<String> accepts, boolean credentials) {
        return request -> {
            Reply reply = Reply.of(request.preflight() ? 204 : 200, "Vary", "Origin");
            if (accepts.test(request.origin())) {
                reply = reply.with("Access-Control-Allow-Origin", request.origin());
            }
            if (credentials) {
                reply = reply.with("Access-Control-Allow-Credentials", "true");
            }
            if (request.preflight()) {
                reply = reply.with("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE");
                if (!request.requestHeaders().isEmpty()) {
                    reply = reply.with("Access-Control-Allow-Headers", String.join(",", request.requestHeaders()))
                            .with("Vary", "Access-Control-Request-Headers");
                }
            }
            return reply;
        };
    }

    /** The exact allowlist the configured policy asks for: the healthy backend. */
    static Backend exactList(EnvironmentConfig config) {
        List<String> allowed = config.cors().allowedOrigins(config);
        return expressCors(allowed::contains, config.cors().credentials());
    }

    /** {@code cors({ origin: '*', credentials })}: a static {@code *}, so no Vary: Origin. */
    static Backend wildcard(boolean credentials) {
        return expressCors(origin -> false, credentials).everywhere(reply -> reply
                .with("Access-Control-Allow-Origin", "*").without("Vary"));
    }

    static CorsObservation observe(EnvironmentConfig config, Backend backend) {
        URI url = URI.create(check("cors.allowed-origin").targets(config).get(0).address());
        List<String> requestHeaders = config.cors().requestHeaders().stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).sorted().toList();
        List<CorsExchange> exchanges = new ArrayList<>();
        for (String origin : CorsChecks.origins(config)) {
            for (String method : config.cors().preflightMethods()) {
                Request request = new Request(origin, CorsExchange.Kind.PREFLIGHT, method, requestHeaders);
                HttpRequest sent = new HttpRequest("OPTIONS", url, List.of()).withHeader("Origin", origin)
                        .withHeader("Access-Control-Request-Method", method)
                        .withHeader("Access-Control-Request-Headers", String.join(",", requestHeaders));
                exchanges.add(new CorsExchange(origin, request.kind(), method,
                        observation(sent, backend.answer(request))));
            }
            Request request = new Request(origin, CorsExchange.Kind.ACTUAL, "GET", List.of());
            HttpRequest sent = HttpRequest.get(url).withHeader("Origin", origin);
            exchanges.add(new CorsExchange(origin, request.kind(), "GET", observation(sent, backend.answer(request))));
        }
        return new CorsObservation(url, exchanges);
    }

    private static HttpObservation observation(HttpRequest sent, Reply reply) {
        if (reply == Reply.NONE) {
            return HttpObservation.unanswered(sent, HttpFailure.REFUSED, "connection refused by api:443",
                    Duration.ofSeconds(1));
        }
        return HttpObservation.answered(sent, new HttpExchange(sent.method(), sent.url(), sent.headers(),
                reply.status(), "Reason", reply.headers(), "", false, Duration.ofMillis(20)));
    }

    @SuppressWarnings("unchecked")
    static Check<CorsObservation> check(String id) {
        return (Check<CorsObservation>) CorsChecks.all().stream().filter(c -> c.spec().id().equals(id))
                .findFirst().orElseThrow();
    }

    static Verdict judge(String id, EnvironmentConfig config, Backend backend) {
        Check<CorsObservation> check = check(id);
        Target target = check.targets(config).get(0);
        return check.judge(observe(config, backend), target, config);
    }
}
