package dev.smokegate.engine;

import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reporter needs about a finished run.
 *
 * @param failOn  the least severe failure that decides the exit code; failures below it are reported, not gating
 * @param notices things the reader must know that are not check results, such as expired waivers
 */
public record RunReport(String environment, Suite suite, Severity failOn, Instant startedAt, Duration duration,
                        List<CheckResult> results, List<String> notices) {

    public RunReport {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    /** Results whose observation needed a transport retry; each is also counted under its outcome. */
    public int flaky() {
        return (int) results.stream().filter(CheckResult::flaky).count();
    }

    /** A failed result whose check is less severe than {@link #failOn}: reported as failed, not gating. */
    public boolean belowFailOn(CheckResult result) {
        return belowFailOn(result, failOn);
    }

    public static boolean belowFailOn(CheckResult result, Severity failOn) {
        return result.outcome() == Outcome.FAILED && !result.spec().severity().atLeast(failOn);
    }

    /** How every report marks a failure below the threshold: {@code below fail-on high}. */
    public static String belowFailOnLabel(Severity failOn) {
        return "below fail-on " + failOn.label();
    }

    /** {@code result}'s message as every report shows it: marked "below fail-on high: " when it does not gate. */
    public static String reportedMessage(CheckResult result, Severity failOn) {
        return belowFailOn(result, failOn) ? belowFailOnLabel(failOn) + ": " + result.message() : result.message();
    }

    /** Failed results below {@link #failOn}; each is also counted as failed. */
    public int failedBelowFailOn() {
        return (int) results.stream().filter(this::belowFailOn).count();
    }

    /**
     * The contract's exit codes: 1 when a check at or above {@code failOn} failed, else 3 when anything could not
     * be verified, else 0.
     */
    public int exitCode() {
        if (counts().get(Outcome.FAILED) > failedBelowFailOn()) {
            return ExitCode.FAILED;
        }
        return counts().get(Outcome.BROKEN) > 0 ? ExitCode.NOT_VERIFIED : ExitCode.PASSED;
    }
}
