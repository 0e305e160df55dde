package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.FailOn;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.Fault;
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
