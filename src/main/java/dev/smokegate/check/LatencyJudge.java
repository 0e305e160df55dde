package dev.smokegate.check;

import dev.smokegate.config.LatencyBudget;
import dev.smokegate.model.Verdict;
import java.time.Duration;

/**
 * The one way a latency is judged against its two-level budget, for every check that has one: within the warn level
 * it passes, between the levels it warns (slow but working), beyond the fail level it fails. The message names the
 * config key that sets the budget.
 */
public final class LatencyJudge {

    private LatencyJudge() {
    }

    /** @param what what happened, e.g. "answered 200"; the verdict says "{what} in {n} ms" and the levels */
    public static Verdict judge(String what, Duration took, LatencyBudget budget, String key) {
        String done = what + " in " + millis(took);
        if (took.compareTo(budget.fail()) > 0) {
            return Verdict.fail(done + ", over the latency fail level of " + millis(budget.fail()) + " ("
                    + key + ")");
        }
        if (took.compareTo(budget.warn()) > 0) {
            return Verdict.warn(done + ", slower than the warn level of " + millis(budget.warn()) + " but "
                    + "within the fail level of " + millis(budget.fail()) + " (" + key + ")");
        }
        return Verdict.pass(done + " (warn over " + millis(budget.warn()) + ", fail over " + millis(budget.fail())
                + ")");
    }

    /** Milliseconds, with a sub-millisecond time (Redis on loopback) as "<1 ms" rather than a misleading 0. */
    private static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms == 0 && !duration.isZero() ? "<1 ms" : ms + " ms";
    }
}
