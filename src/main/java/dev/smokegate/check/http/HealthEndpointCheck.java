package dev.smokegate.check.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpProbes;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A backend health endpoint answers 2xx, its JSON body (when it sends one) says it is healthy, and it answers within
 * the latency budget. One class serves the liveness, database and Redis paths: they differ only in which path and
 * which budget they use.
 */
public final class HealthEndpointCheck implements Check<HttpObservation> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HEALTHY = Set.of("ok", "up", "pass", "healthy", "green");
    private static final List<String> STATUS_FIELDS = List.of("status", "state", "health");

    private final CheckSpec spec;
    private final String pathKey;
    private final Function<EnvironmentConfig, Optional<String>> path;
    private final Function<EnvironmentConfig, Duration> budget;

    HealthEndpointCheck(CheckSpec spec, String pathKey, Function<EnvironmentConfig, Optional<String>> path,
                        Function<EnvironmentConfig, Duration> budget) {
        this.spec = spec;
        this.pathKey = pathKey;
        this.path = path;
        this.budget = budget;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return path.apply(config).map(p -> List.of(new Target("backend", config.backend().url().resolve(p).toString())))
                .orElse(List.of());
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "no " + pathKey + " configured for the backend";
    }

    @Override
    public ProbeRequest<HttpObservation> observation(Target target, EnvironmentConfig config) {
        return HttpProbes.get(URI.create(target.address()));
    }

    @Override
    public Set<String> uses() {
        return Set.of("http");
    }

    @Override
    public Verdict judge(HttpObservation observed, Target target, EnvironmentConfig config) {
        return judgeExchange(observed, config).withEvidence(observed.evidence());
    }

    private Verdict judgeExchange(HttpObservation observed, EnvironmentConfig config) {
        if (observed.exchange().isEmpty()) {
            return Verdict.fail("expected a 2xx answer, got none: " + observed.failure().orElse("no response"));
        }
        HttpExchange exchange = observed.exchange().get();
        if (exchange.status() < 200 || exchange.status() > 299) {
            return Verdict.fail("expected a 2xx answer, got " + exchange.status() + " " + exchange.reason()
                    + bodyHint(exchange));
        }
        Optional<String> unhealthy = unhealthyStatus(exchange);
        if (unhealthy.isPresent()) {
            return Verdict.fail("answered " + exchange.status() + " but the body reports " + unhealthy.get());
        }
        Duration limit = budget.apply(config);
        long took = exchange.latency().toMillis();
        if (exchange.latency().compareTo(limit) > 0) {
            return Verdict.fail("answered " + exchange.status() + " in " + took + " ms, over the latency budget of "
                    + limit.toMillis() + " ms");
        }
        return Verdict.pass("answered " + exchange.status() + " in " + took + " ms (budget " + limit.toMillis()
                + " ms)");
    }

    /** A JSON body with a status-like field that is not a healthy word; a plain-text body is not judged. */
    private static Optional<String> unhealthyStatus(HttpExchange exchange) {
        if (!exchange.isJson()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.body());
        } catch (IOException e) {
            return Optional.of("a malformed JSON body (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        for (String field : STATUS_FIELDS) {
            JsonNode value = body == null ? null : body.get(field);
            if (value != null && value.isTextual()
                    && !HEALTHY.contains(value.asText().toLowerCase(Locale.ROOT))) {
                return Optional.of(field + "=\"" + value.asText() + "\"");
            }
            if (value != null && value.isBoolean() && !value.asBoolean()) {
                return Optional.of(field + "=false");
            }
        }
        return Optional.empty();
    }

    private static String bodyHint(HttpExchange exchange) {
        String body = exchange.body().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return " (body: " + (body.length() > 160 ? body.substring(0, 160) + "…" : body) + ")";
    }
}
