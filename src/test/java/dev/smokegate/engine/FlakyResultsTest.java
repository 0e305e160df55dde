package dev.smokegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine, not the checks, makes a result whose observation needed a transport retry visibly flaky. */
class FlakyResultsTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("test",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();

    private record Observed(List<TransportError> retries) implements Retried {
    }

    /** A pure check: it judges whatever it is given the same way, retried or not. */
    private record Judged(Verdict verdict, List<TransportError> retries) implements Check<Observed> {

        @Override
        public CheckSpec spec() {
            return CheckSpec.gate("x.fake.check", Severity.HIGH, "requirement", "remediation");
        }

        @Override
        public List<Target> targets(EnvironmentConfig config) {
            return List.of(new Target("backend", "https://api.example.com/"));
        }

        @Override
        public ProbeRequest<Observed> observation(Target target, EnvironmentConfig config) {
            return new ProbeRequest<>("fake", context -> new Observed(retries));
        }

        @Override
        public Verdict judge(Observed observation, Target target, EnvironmentConfig config) {
            return verdict;
        }
    }

    private static RunReport run(Verdict verdict, TransportError... retries) {
        try (RunSession session = RunSession.open(CONFIG, Selection.of(Suite.GATE),
                List.of(new Judged(verdict, List.of(retries))), new ProbeContext(CONFIG, null), 1,
                Clock.systemUTC())) {
            session.planned().forEach(session::evaluate);
            return session.report();
        }
    }

    private static CheckResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void passAfterARetryIsAWarningThatSaysFlakyAndKeepsTheMessage() {
        RunReport report = run(Verdict.pass("answered 200 in 85 ms"), TransportError.RESET);

        assertThat(only(report).outcome()).isEqualTo(Outcome.WARNED);
        assertThat(only(report).message()).isEqualTo(
                "flaky: passed after retry (connection reset): answered 200 in 85 ms");
        assertThat(only(report).flaky()).isTrue();
        assertThat(report.flaky()).isEqualTo(1);
        assertThat(report.exitCode()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void failureAndBrokenResultMentionTheRetries() {
        CheckResult failed = only(run(Verdict.fail("expected a 2xx answer, got 503"), TransportError.RESET,
                TransportError.RESET));
        CheckResult broken = only(run(Verdict.inconclusive("no response whose headers could be inspected"),
                TransportError.REFUSED));

        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).isEqualTo(
                "flaky: failed after 2 retries (connection reset): expected a 2xx answer, got 503");
        assertThat(broken.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(broken.message()).isEqualTo("could not verify: flaky: broken after retry (connection refused): "
                + "no response whose headers could be inspected");
        assertThat(List.of(failed, broken)).allMatch(CheckResult::flaky);
    }

    @Test
    void withoutRetriesNothingChanges() {
        RunReport report = run(Verdict.pass("answered 200 in 85 ms"));

        assertThat(only(report).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(only(report).message()).isEqualTo("answered 200 in 85 ms");
        assertThat(report.flaky()).isZero();
    }
}
