package dev.smokegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Timeouts;
import dev.smokegate.config.Waiver;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeContext;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSessionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private static EnvironmentConfig config(Waiver... waivers) {
        return EnvironmentConfig.builder("test", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).waivers(List.of(waivers)).build();
    }

    private static RunReport run(EnvironmentConfig config, Clock clock, Check<?>... checks) {
        try (RunSession session = RunSession.open(config, Selection.of(Suite.GATE), List.of(checks),
                new ProbeContext(config, null), 4, clock)) {
            session.planned().forEach(session::evaluate);
            return session.report();
        }
    }

    private static RunSession open(Check<?>... checks) {
        return RunSession.open(config(), Selection.of(Suite.GATE), List.of(checks), new ProbeContext(config(), null),
                4, Clock.systemUTC());
    }

    /** A probe that answers, and would pass, only after a minute: a check that waited for it shows as passed. */
    private static FakeCheck answeringAfterAMinute(String id) {
        return new FakeCheck(id, List.of(new Target("backend", "b")), id, context -> {
            Thread.sleep(Duration.ofMinutes(1).toMillis());
            return "late";
        }, Verdict.pass("answered late"));
    }

    private static CheckResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void waivedFailureIsReportedAsWaivedWithTheReason() {
        RunReport report = run(config(new Waiver("x.fake.check", Optional.of("backend"), "ticket 7",
                LocalDate.parse("2026-12-01"))), CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(only(report).message()).contains("bad").contains("waived until 2026-12-01: ticket 7");
        assertThat(report.exitCode()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void expiredWaiverNoLongerAppliesAndIsReported() {
        RunReport report = run(config(new Waiver("x.fake.*", Optional.empty(), "ticket 7",
                LocalDate.parse("2026-11-24"))), CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(only(report).message()).contains("waiver expired on 2026-11-24");
        assertThat(report.notices()).singleElement().asString().contains("expired on 2026-11-24");
        assertThat(report.exitCode()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void waiverExpiringMoreThanAYearAheadStillAppliesButIsANotice() {
        RunReport report = run(config(new Waiver("x.fake.check", Optional.of("backend"), "ticket 7",
                LocalDate.parse("2027-11-26"))), CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(report.notices()).singleElement().asString().contains("expires on 2027-11-26")
                .contains("366 days").contains("waiver-policy.max-days (365)");
    }

    @Test
    void waiverExpiringOneYearAheadIsNoNotice() {
        RunReport report = run(config(new Waiver("x.fake.check", Optional.of("backend"), "ticket 7",
                LocalDate.parse("2027-11-25"))), CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(report.notices()).isEmpty();
    }

    @Test
    void waiverForEveryCheckIsANotice() {
        RunReport report = run(config(new Waiver("*", Optional.empty(), "freeze", LocalDate.parse("2026-12-01"))),
                CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.WAIVED);
        assertThat(report.notices()).singleElement().asString().contains("waiver for *").contains("every check");
    }

    @Test
    void waiverForAnotherTargetDoesNotApply() {
        RunReport report = run(config(new Waiver("x.fake.check", Optional.of("frontend"), "r",
                LocalDate.parse("2027-01-01"))), CLOCK, FakeCheck.judging("x.fake.check", Verdict.fail("bad")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void buildsEachProbeRequestOnceAndRunsEachKeyOnce() {
        List<Target> two = List.of(new Target("frontend", "f"), new Target("backend", "b"));
        FakeCheck first = new FakeCheck("x.fake.first", two, "shared", context -> "observed", Verdict.pass("ok"));
        FakeCheck second = new FakeCheck("x.fake.second", two, "shared", context -> "observed", Verdict.pass("ok"));

        RunReport report = run(config(), CLOCK, first, second);

        assertThat(report.results()).extracting(CheckResult::outcome).containsOnly(Outcome.PASSED).hasSize(4);
        assertThat(first.requestsBuilt.get() + second.requestsBuilt.get()).isEqualTo(4);
        assertThat(first.probeCalls.get() + second.probeCalls.get()).isEqualTo(1);
    }

    @Test
    void probeThatCannotObserveMakesTheCheckBroken() {
        FakeCheck check = new FakeCheck("x.fake.check", List.of(new Target("backend", "b")), "k",
                context -> {
                    throw new IOException("handshake library missing");
                }, Verdict.pass("never"));

        RunReport report = run(config(), CLOCK, check);

        assertThat(only(report).outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(only(report).message()).isEqualTo("could not verify: handshake library missing");
        assertThat(report.exitCode()).isEqualTo(ExitCode.NOT_VERIFIED);
    }

    @Test
    void inconclusiveVerdictIsBroken() {
        RunReport report = run(config(), CLOCK, FakeCheck.judging("x.fake.check", Verdict.inconclusive("no body")));

        assertThat(only(report).outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(only(report).message()).isEqualTo("could not verify: no body");
    }

    @Test
    void checkWithoutTargetsIsSkippedWithItsReason() {
        FakeCheck check = new FakeCheck("x.fake.check", List.of(), "k", context -> "x", Verdict.pass("p"));

        CheckResult result = only(run(config(), CLOCK, check));

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.message()).isEqualTo("nothing configured for x.fake.check");
    }

    @Test
    void checksSharingAProbeKeyObserveOnce() {
        FakeCheck first = new FakeCheck("x.fake.one", List.of(new Target("backend", "b")), "shared",
                context -> "x", Verdict.pass("p"));
        FakeCheck second = new FakeCheck("x.fake.two", List.of(new Target("backend", "b")), "shared",
                context -> "x", Verdict.warn("w"));

        RunReport report = run(config(), CLOCK, first, second);

        assertThat(first.probeCalls.get() + second.probeCalls.get()).isEqualTo(1);
        assertThat(report.results()).extracting(CheckResult::outcome).containsExactly(Outcome.PASSED,
                Outcome.WARNED);
        assertThat(report.exitCode()).isEqualTo(ExitCode.PASSED);
    }

    @Test
    void hangingProbeIsReportedBrokenAtTheRunDeadline() {
        // The probe does answer, and its check would pass, but only long after the run deadline: a session that
        // waited for it would report it passed, so the outcome alone shows that the deadline cut the wait short.
        FakeCheck hanging = new FakeCheck("x.fake.hang", List.of(new Target("backend", "b")), "hang",
                context -> {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                    return "x";
                }, Verdict.pass("p"));
        EnvironmentConfig config = config().newBuilder()
                .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300)))
                .build();

        RunReport report = run(config, Clock.systemUTC(), hanging);

        assertThat(only(report).outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(only(report).message()).contains("run deadline");
    }

    @Test
    void onlySelectsChecksByGlobEvenOutsideTheSuite() {
        FakeCheck check = FakeCheck.judging("x.fake.check", Verdict.pass("p"));

        assertThat(new Selection(Suite.GATE, List.of("x.*")).includes(check.spec())).isTrue();
        assertThat(new Selection(Suite.GATE, List.of("y.*")).includes(check.spec())).isFalse();
    }

    @Test
    void checksNeverEvaluatedAreReportedBrokenNotDropped() {
        try (RunSession session = RunSession.open(config(), Selection.of(Suite.GATE),
                List.of(FakeCheck.judging("x.fake.check", Verdict.pass("p"))), new ProbeContext(config(), null), 1,
                CLOCK)) {
            assertThat(session.report().results()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.BROKEN));
        }
    }

    @Test
    void interruptReportsChecksStillWaitingAsInterruptedAndKeepsKnownResults() {
        FakeCheck done = FakeCheck.judging("x.fake.done", Verdict.pass("ok"));
        FakeCheck notApplicable = new FakeCheck("x.fake.skip", List.of(), "k", context -> "x", Verdict.pass("p"));
        try (RunSession session = open(done, notApplicable, answeringAfterAMinute("x.fake.waiting"),
                answeringAfterAMinute("x.fake.never-evaluated"))) {
            session.evaluate(session.planned().get(0));

            session.interrupt("SIGTERM");
            session.interrupt("SIGINT");
            session.evaluate(session.planned().get(1));
            session.evaluate(session.planned().get(2));
            RunReport report = session.report();

            assertThat(report.results()).extracting(CheckResult::outcome, CheckResult::message).containsExactly(
                    tuple(Outcome.PASSED, "ok"),
                    tuple(Outcome.SKIPPED, "nothing configured for x.fake.skip"),
                    tuple(Outcome.BROKEN, "could not verify: run interrupted (SIGTERM)"),
                    tuple(Outcome.BROKEN, "could not verify: run interrupted (SIGTERM)"));
            assertThat(report.notices()).singleElement().asString().startsWith("run interrupted (SIGTERM)");
            assertThat(report.exitCode()).isEqualTo(ExitCode.NOT_VERIFIED);
        }
    }

    @Test
    void interruptWakesACheckWaitingForItsProbe() throws InterruptedException {
        try (RunSession session = open(answeringAfterAMinute("x.fake.waiting"))) {
            CheckResult[] result = new CheckResult[1];
            Thread waiter = new Thread(() -> result[0] = session.evaluate(session.planned().get(0)));
            waiter.start();
            while (waiter.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }

            session.interrupt("SIGTERM");
            waiter.join();

            assertThat(result[0].outcome()).isEqualTo(Outcome.BROKEN);
            assertThat(result[0].message()).isEqualTo("could not verify: run interrupted (SIGTERM)");
        }
    }

    @Test
    void failureFoundBeforeTheInterruptStillExitsOne() {
        try (RunSession session = open(FakeCheck.judging("x.fake.failing", Verdict.fail("bad")),
                answeringAfterAMinute("x.fake.waiting"))) {
            session.evaluate(session.planned().get(0));

            session.interrupt("SIGTERM");
            session.evaluate(session.planned().get(1));
            RunReport report = session.report();

            assertThat(report.results()).extracting(CheckResult::outcome).containsExactly(Outcome.FAILED,
                    Outcome.BROKEN);
            assertThat(report.exitCode()).isEqualTo(ExitCode.FAILED);
        }
    }
}
