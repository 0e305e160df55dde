package dev.smokegate.engine;

import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reporter needs about a finished run.
 *
 * @param notices things the reader must know that are not check results, such as expired waivers
 */
public record RunReport(String environment, Suite suite, Instant startedAt, Duration duration,
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

    /** The contract's exit codes: 1 when anything failed, else 3 when anything could not be verified, else 0. */
    public int exitCode() {
        Map<Outcome, Integer> counts = counts();
        if (counts.get(Outcome.FAILED) > 0) {
            return ExitCode.FAILED;
        }
        return counts.get(Outcome.BROKEN) > 0 ? ExitCode.NOT_VERIFIED : ExitCode.PASSED;
    }
}
