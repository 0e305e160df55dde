package dev.smokegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.CheckResult;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunReportTest {

    private static CheckResult result(Severity severity, Outcome outcome) {
        CheckSpec spec = CheckSpec.gate("area." + severity.label() + "." + outcome.label(), severity, "r", "fix");
        return new CheckResult(spec, new Target(Target.BACKEND, "https://api.example.com"), outcome, "m",
                Duration.ZERO, List.of());
    }

    private static RunReport report(Severity failOn, CheckResult... results) {
        return new RunReport("prod", Suite.GATE, failOn, Instant.EPOCH, Duration.ZERO, List.of(results), List.of());
    }

    /** The rule: a failure decides the exit code exactly when its severity is the threshold or more severe. */
    @ParameterizedTest
    @EnumSource(Severity.class)
    void aFailureExitsOneExactlyWhenItsSeverityReachesTheThreshold(Severity failOn) {
        for (Severity severity : Severity.values()) {
            RunReport report = report(failOn, result(severity, Outcome.FAILED), result(Severity.CRITICAL,
                    Outcome.PASSED));
            boolean gating = severity.ordinal() <= failOn.ordinal();

            assertThat(report.exitCode()).as(severity + " failure at fail-on " + failOn)
                    .isEqualTo(gating ? ExitCode.FAILED : ExitCode.PASSED);
            assertThat(report.failedBelowFailOn()).isEqualTo(gating ? 0 : 1);
            assertThat(report.counts().get(Outcome.FAILED)).as("still counted as failed").isEqualTo(1);
        }
    }

    @Test
    void aFailureBelowTheThresholdDoesNotHideAnUnverifiedCheck() {
        RunReport report = report(Severity.HIGH, result(Severity.LOW, Outcome.FAILED),
                result(Severity.CRITICAL, Outcome.BROKEN));

        assertThat(report.exitCode()).isEqualTo(ExitCode.NOT_VERIFIED);
    }

    @Test
    void onlyFailuresAreBelowTheThreshold() {
        RunReport report = report(Severity.CRITICAL, result(Severity.LOW, Outcome.BROKEN),
                result(Severity.LOW, Outcome.WARNED), result(Severity.LOW, Outcome.WAIVED));

        assertThat(report.results()).noneMatch(report::belowFailOn);
        assertThat(report.exitCode()).isEqualTo(ExitCode.NOT_VERIFIED);
    }

    @Test
    void oneGatingFailureAmongBelowThresholdOnesExitsOne() {
        RunReport report = report(Severity.HIGH, result(Severity.LOW, Outcome.FAILED),
                result(Severity.MEDIUM, Outcome.FAILED), result(Severity.HIGH, Outcome.FAILED));

        assertThat(report.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(report.failedBelowFailOn()).isEqualTo(2);
    }
}
