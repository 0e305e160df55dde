package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.FailOn;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.config.Thresholds;
import dev.smokegate.config.Timeouts;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The proof that every HTTP check can fail: the real suites run through the JUnit Platform against the reference
 * deployment, once healthy (every check of every area passes) and once per fault (exactly the expected checks
 * fail, each with a message that names the problem).
 */
@ExternalProcesses
class FaultMatrixTest extends OnReferenceDeployment {

    @Test
    void healthyDeploymentPassesEveryCheckWithoutWarnings() throws Exception {
        SuiteRun run = SuiteRun.of(config, Selection.of(Suite.FULL));

        assertThat(run.withOutcome(Outcome.FAILED)).isEmpty();
        assertThat(run.withOutcome(Outcome.BROKEN)).isEmpty();
        assertThat(run.withOutcome(Outcome.SKIPPED)).as("only the Socket.IO check skips on raw WebSocket")
                .containsOnlyKeys("ws.polling-sticky-safe");
        assertThat(run.warned()).isEmpty();
        assertThat(run.report().results()).extracting(r -> r.spec().area())
                .contains("http", "tls", "headers", "cors", "ws", "redis", "secrets");
    }

    @Test
    void failureBelowFailOnIsAFailedTestThatDoesNotGate() throws Exception {
        deployment.inject(Fault.REFERRER_UNSAFE_URL);
        EnvironmentConfig gateOnHigh = config.newBuilder().failOn(FailOn.EVERYTHING.with(Suite.FULL, Severity.HIGH))
                .build();

        SuiteRun run = SuiteRun.of(gateOnHigh, new Selection(Suite.FULL, List.of("headers.referrer-policy")));

        assertThat(run.withOutcome(Outcome.FAILED)).isNotEmpty();
        assertThat(run.report().exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(run.junit().testEvents().failed().stream()).isNotEmpty().allSatisfy(event ->
                assertThat(event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                        .hasMessageStartingWith("below fail-on high: "));
    }

    @Test
    void publicSourceMapFailsWhenSecretsSourceMapsIsFail() throws Exception {
        deployment.inject(Fault.SOURCE_MAP_PUBLIC);
        EnvironmentConfig failOnMaps = config.newBuilder().secrets(config.secrets().withSourceMapsFail(true)).build();

        SuiteRun run = SuiteRun.of(failOnMaps, new Selection(Suite.FULL,
                List.of(FaultCase.FAILED_BY_SOURCE_MAPS_SET_TO_FAIL)));

        assertThat(run.withOutcome(Outcome.FAILED)).containsOnlyKeys(FaultCase.FAILED_BY_SOURCE_MAPS_SET_TO_FAIL);
        assertThat(run.withOutcome(Outcome.FAILED).get(FaultCase.FAILED_BY_SOURCE_MAPS_SET_TO_FAIL)).contains(
                "publishes its source map https://app.smokegate.test/_next/static/chunks/app/page-");
    }

    /**
     * The latency split on a real slow health path: between the levels it warns (a slow but working backend blocks
     * no deploy), beyond the fail level it fails. The budget is {warn: 1s, fail: 3s} with a 6 s read timeout, so
     * each delay is a second clear of every line.
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("LATENCY_ROWS")
    void slowHealthPathWarnsBetweenTheLevelsAndFailsBeyondTheFailLevel(LatencyRow row) throws Exception {
        deployment.inject(row.fault());
        Thresholds t = config.thresholds();
        Timeouts timeouts = config.timeouts();
        EnvironmentConfig budget = config.newBuilder()
                .thresholds(new Thresholds(new LatencyBudget(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                        t.dbLatency(), t.redisLatency(), t.certExpiryFailDays(), t.certExpiryWarnDays(),
                        t.frontendLatency()))
                .timeouts(new Timeouts(timeouts.connect(), Duration.ofSeconds(6), timeouts.runDeadline()))
                .build();

        SuiteRun run = SuiteRun.of(budget, new Selection(Suite.FULL, List.of("http.health.ok")));

        assertThat(run.withOutcome(row.outcome())).containsOnlyKeys("http.health.ok");
        assertThat(run.withOutcome(row.outcome()).get("http.health.ok")).startsWith(row.took())
                .contains(row.message());
    }

    /** A slow health path fault, the outcome it must give under a {warn: 1s, fail: 3s} budget, and its message. */
    record LatencyRow(Fault fault, Outcome outcome, String took, String message) {
        @Override
        public String toString() {
            return fault.name();
        }
    }

    static final List<LatencyRow> LATENCY_ROWS = List.of(
            new LatencyRow(Fault.HEALTH_SLOW, Outcome.WARNED, "answered 200 in 2", "slower than the warn level of "
                    + "1000 ms but within the fail level of 3000 ms (thresholds.health-latency)"),
            new LatencyRow(Fault.HEALTH_TOO_SLOW, Outcome.FAILED, "answered 200 in 4", "over the latency fail level "
                    + "of 3000 ms (thresholds.health-latency)"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.FaultCase#ALL")
    void faultFailsExactlyItsChecks(FaultCase fault) throws Exception {
        deployment.inject(fault.fault());

        SuiteRun run = SuiteRun.of(config, new Selection(Suite.FULL, List.of("http.*", "headers.*", "cors.*",
                "oauth.redirect.params", "oauth.callback.forged-state-rejected", "oauth.client-id.matches", "redis.*",
                "secrets.*")));
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);

        assertThat(run.withOutcome(Outcome.BROKEN).keySet()).as("broken checks: " + run.withOutcome(Outcome.BROKEN))
                .containsExactlyInAnyOrderElementsOf(fault.broken());
        assertThat(run.withOutcome(Outcome.SKIPPED)).as("skipped checks").isEmpty();
        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        assertThat(run.warned().keySet()).as("warning checks: " + run.warned())
                .containsExactlyInAnyOrderElementsOf(fault.warning());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }
}
