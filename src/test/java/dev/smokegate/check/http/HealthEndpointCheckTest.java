package dev.smokegate.check.http;

import static dev.smokegate.check.http.Recorded.CONFIG;
import static dev.smokegate.check.http.Recorded.noAnswer;
import static dev.smokegate.check.http.Recorded.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthEndpointCheckTest {

    private static final String URL = "https://api.example.com/health";
    private final Check<HttpObservation> health = Recorded.byId("http.health.ok");
    private final Target target = new Target("backend", URL);

    private Verdict judge(HttpObservation observation) {
        return health.judge(observation, target, CONFIG);
    }

    @Test
    void passesOnOkJsonWithinBudget() {
        Verdict verdict = judge(response(URL, 200, "{\"status\":\"ok\"}", "Content-Type", "application/json"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("200").contains("(warn over 1500 ms, fail over 5000 ms)");
    }

    /** A JSON body the probe cut at its size limit: {@code head} then filler that runs past the cut. */
    private Verdict judgeCutBody(String head) {
        String body = head + "\"padding\":\"" + "x".repeat(HttpExchange.BODY_LIMIT);
        return judge(HttpObservation.answered(new HttpExchange("GET", URI.create(URL), List.of(), 200, "OK",
                List.of(new HttpExchange.Header("Content-Type", "application/json")),
                body.substring(0, HttpExchange.BODY_LIMIT), true, Duration.ofMillis(40))));
    }

    @Test
    void judgesTheStatusBeforeTheCutOfABodyOverTheSizeLimit() {
        assertThat(judgeCutBody("{\"status\":\"ok\",").status()).isEqualTo(Verdict.Status.PASS);
        assertThat(judgeCutBody("{\"status\":\"down\",").message())
                .isEqualTo("answered 200 but the body reports status=\"down\"");
    }

    @Test
    void warnsInsteadOfCallingACutBodyMalformedWhenNoStatusCameBeforeTheCut() {
        Verdict verdict = judgeCutBody("{\"checks\":[],");

        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("over 64 KiB and was cut there before any status field")
                .doesNotContain("malformed");
    }

    @Test
    void stillFailsOnABodyThatIsMalformedBeforeAnyCut() {
        Verdict verdict = judge(response(URL, 200, "{\"status\": ok}", "Content-Type", "application/json"));

        assertThat(verdict.message()).contains("a malformed JSON body");
    }

    @Test
    void passesOnPlainTextBody() {
        assertThat(judge(response(URL, 204, "")).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsOnServerErrorNamingStatusAndBody() {
        Verdict verdict = judge(response(URL, 500, "database exploded"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("expected a 2xx answer, got 500").contains("database exploded");
    }

    @Test
    void failsWhenJsonBodyReportsUnhealthy() {
        Verdict verdict = judge(response(URL, 200, "{\"status\":\"degraded\"}", "Content-Type",
                "application/json; charset=utf-8"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("status=\"degraded\"");
    }

    @Test
    void failsWhenJsonBodyIsMalformed() {
        Verdict verdict = judge(response(URL, 200, "{\"status\":", "Content-Type", "application/json"));

        assertThat(verdict.message()).contains("malformed JSON");
    }

    @Test
    void warnsWhenSlowerThanTheWarnLevelButWithinTheFailLevel() {
        Verdict verdict = judge(response(URL, 200, Duration.ofMillis(2300), "ok"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("answered 200 in 2300 ms, slower than the warn level of 1500 ms but "
                + "within the fail level of 5000 ms (thresholds.health-latency)");
    }

    @Test
    void failsWhenSlowerThanTheFailLevel() {
        Verdict verdict = judge(response(URL, 200, Duration.ofMillis(5300), "ok"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("5300 ms, over the latency fail level of 5000 ms "
                + "(thresholds.health-latency)");
    }

    @Test
    void failsWhenTheTargetIsDown() {
        Verdict verdict = judge(noAnswer(URL, "connection refused by api.example.com:443"));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("connection refused");
    }

    @Test
    void appliesOnlyWhereAPathIsConfigured() {
        Check<HttpObservation> redis = Recorded.byId("http.redis-path.ok");

        assertThat(redis.targets(CONFIG)).isEmpty();
        assertThat(redis.notApplicable(CONFIG)).contains("backend.redis-health-path");
        assertThat(Recorded.<HttpObservation>byId("http.db-path.ok").targets(CONFIG))
                .containsExactly(new Target("backend", "https://api.example.com/health/db"));
    }
}
