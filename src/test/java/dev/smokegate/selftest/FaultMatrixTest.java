package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunSession;
import dev.smokegate.junit.ActiveRun;
import dev.smokegate.junit.CheckFailedError;
import dev.smokegate.junit.SmokegateChecks;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.ReferenceDeployment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The proof that every check can fail: the real suites run through the JUnit Platform against the reference
 * deployment, once healthy (everything passes) and once per fault (exactly the expected checks fail, each with a
 * message that names the problem).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {

    private ReferenceDeployment deployment;
    private EnvironmentConfig config;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = ReferenceDeployment.start();
        config = ReferenceEnvironment.config(deployment);
    }

    @AfterAll
    void stopDeployment() {
        deployment.close();
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    /** Runs the full suite through JUnit and returns the failed checks: id -> failure message. */
    private Map<String, String> failedChecks() throws Exception {
        EngineExecutionResults results;
        try (RunSession session = ReferenceEnvironment.open(config, Suite.FULL)) {
            ActiveRun.set(session);
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(SmokegateChecks.class))
                    .execute();
        } finally {
            ActiveRun.clear();
        }
        assertThat(results.testEvents().started().count()).as("checks run").isGreaterThan(0);
        List<Event> unexpected = results.testEvents().list().stream()
                .filter(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .map(r -> r.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.FAILED
                                && !(r.getThrowable().orElseThrow() instanceof CheckFailedError))
                        .orElse(false))
                .toList();
        assertThat(unexpected).as("checks that could not verify or were skipped").isEmpty();
        assertThat(results.testEvents().skipped().count()).as("skipped checks").isZero();
        assertThat(results.testEvents().aborted().count()).as("skipped or waived checks").isZero();
        Map<String, String> failed = new TreeMap<>();
        results.testEvents().failed().stream().forEach(e -> failed.merge(
                e.getTestDescriptor().getDisplayName().split(" · ")[0],
                e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                        .orElseThrow().getMessage(),
                (a, b) -> a + " | " + b));
        return failed;
    }

    @Test
    void healthyDeploymentPassesEveryCheck() throws Exception {
        assertThat(failedChecks()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.FaultCase#ALL")
    void faultFailsExactlyItsChecks(FaultCase fault) throws Exception {
        deployment.inject(fault.fault());

        Map<String, String> failed = failedChecks();

        assertThat(failed.keySet()).as("failing checks").containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }
}
