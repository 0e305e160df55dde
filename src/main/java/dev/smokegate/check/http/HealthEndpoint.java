package dev.smokegate.check.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.model.Excerpt;
import dev.smokegate.check.LatencyJudge;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    static Verdict judge(HttpObservation observed, LatencyBudget budget, String budgetKey) {
        if (observed.exchange().isEmpty()) {
            return Verdict.fail("expected a 2xx answer, got none: " + observed.failure().orElse("no response"));
        }
        HttpExchange exchange = observed.exchange().get();
        if (exchange.status() < 200 || exchange.status() > 299) {
            return Verdict.fail("expected a 2xx answer, got " + exchange.status() + " " + exchange.reason()
                    + bodyHint(exchange));
        }
        BodyStatus body = BodyStatus.of(exchange);
        if (body.unhealthy().isPresent()) {
            return Verdict.fail("answered " + exchange.status() + " but the body reports " + body.unhealthy().get());
        }
        Verdict latency = LatencyJudge.judge("answered " + exchange.status(), exchange.latency(), budget, budgetKey);
        if (latency.status() == Verdict.Status.PASS && body.cutBeforeAnyStatus()) {
            return Verdict.warn(latency.message() + ", but its JSON body is over " + HttpExchange.BODY_LIMIT / 1024
                    + " KiB and was cut there before any status field, so only the status code was judged; a health "
                    + "endpoint should answer in a few bytes");
        }
        return latency;
    }

    /**
     * What a JSON body says about health: the first status-like field ({@code status}, then {@code state}, then
     * {@code health}) that is not a healthy word. A plain-text body is not judged. A body cut at the probe's size
     * limit is read up to the cut: what stands before it is judged, the rest is unknown, not malformed.
     */
    private record BodyStatus(Optional<String> unhealthy, boolean cutBeforeAnyStatus) {

        static BodyStatus of(HttpExchange exchange) {
            if (!exchange.isJson()) {
                return new BodyStatus(Optional.empty(), false);
            }
            Map<String, JsonNode> fields = new HashMap<>();
            try (JsonParser parser = JSON.getFactory().createParser(exchange.body())) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        if (STATUS_FIELDS.contains(name)) {
                            fields.putIfAbsent(name, parser.readValueAsTree());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            } catch (IOException e) {
                if (!exchange.bodyTruncated()) {
                    return new BodyStatus(Optional.of("a malformed JSON body ("
                            + e.getMessage().lines().findFirst().orElse("") + ")"), false);
                }
            }
            return new BodyStatus(unhealthy(fields), exchange.bodyTruncated() && fields.isEmpty());
        }

        private static Optional<String> unhealthy(Map<String, JsonNode> fields) {
            for (String field : STATUS_FIELDS) {
                JsonNode value = fields.get(field);
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
    }

    private static String bodyHint(HttpExchange exchange) {
        String body = exchange.body().strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return " (body: " + Excerpt.of(body, 160) + ")";
    }
}
