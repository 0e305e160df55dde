package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.junit.ActiveRun;
import dev.smokegate.junit.SmokegateChecks;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Selected checks run through the JUnit Platform exactly as the front door runs them, keeping JUnit's view (which
 * tests failed) and smokegate's (every outcome, warnings included), and asserting the two agree.
 */
record SuiteRun(EngineExecutionResults junit, RunReport report) {

    static SuiteRun of(EnvironmentConfig config, Selection selection) throws Exception {
        EngineExecutionResults junit;
        RunReport report;
        try (RunSession session = ReferenceEnvironment.open(config, selection)) {
            ActiveRun.set(session);
            junit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SmokegateChecks.class)).execute();
            report = session.report();
        } finally {
            ActiveRun.clear();
        }
        SuiteRun run = new SuiteRun(junit, report);
        run.assertJUnitAgrees();
        return run;
    }

    private void assertJUnitAgrees() {
        assertThat(junit.testEvents().started().count()).as("checks run").isEqualTo(report.results().size());
        assertThat(junit.testEvents().failed().count()).as("JUnit failures = failed + broken checks")
                .isEqualTo(count(Outcome.FAILED) + count(Outcome.BROKEN));
        assertThat(junit.testEvents().aborted().count()).as("JUnit aborted = waived + skipped checks")
                .isEqualTo(count(Outcome.WAIVED) + count(Outcome.SKIPPED));
    }

    private long count(Outcome outcome) {
        return report.results().stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Check id -> messages, for every result with this outcome. */
    Map<String, String> withOutcome(Outcome outcome) {
        Map<String, String> found = new TreeMap<>();
        for (CheckResult result : report.results()) {
            if (result.outcome() == outcome) {
                found.merge(result.id(), result.message(), (a, b) -> a + " | " + b);
            }
        }
        return found;
    }

    Map<String, String> failed() {
        assertThat(withOutcome(Outcome.BROKEN)).as("checks that could not verify").isEmpty();
        assertThat(withOutcome(Outcome.SKIPPED)).as("skipped checks").isEmpty();
        return withOutcome(Outcome.FAILED);
    }

    Map<String, String> warned() {
        return withOutcome(Outcome.WARNED);
    }
}
