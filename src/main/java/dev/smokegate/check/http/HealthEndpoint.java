package dev.smokegate.check.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.model.Excerpt;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A backend health endpoint answers 2xx, its JSON body (when it sends one) says it is healthy, and it answers within
 * the latency budget. The liveness, database and Redis paths are judged alike: they differ only in which path and
 * which budget they use.
 */
final class HealthEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HEALTHY = Set.of("ok", "up", "pass", "healthy", "green");
    private static final List<String> STATUS_FIELDS = List.of("status", "state", "health");

    private HealthEndpoint() {
    }

    /** Judges one answer of a health endpoint against its latency budget. */
    static Verdict judge(HttpObservation observed, Duration limit) {
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
        return " (body: " + Excerpt.of(body, 160) + ")";
    }
}
