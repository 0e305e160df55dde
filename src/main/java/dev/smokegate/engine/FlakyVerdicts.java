package dev.smokegate.engine;

import dev.smokegate.model.Verdict;
import dev.smokegate.probe.TransportError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a verdict becomes when its observation needed a transport retry: a pass is reported as a warning and every
 * other verdict says so too, so a flaky network edge is seen on every run it happens, never hidden by the retry.
 * Done here once rather than in each check, which stay pure functions of what was observed.
 */
final class FlakyVerdicts {

    private FlakyVerdicts() {
    }

    static Verdict note(Verdict verdict, List<TransportError> retries) {
        if (retries.isEmpty()) {
            return verdict;
        }
        String after = (retries.size() == 1 ? "retry" : retries.size() + " retries") + " ("
                + retries.stream().distinct().map(TransportError::phrase).collect(Collectors.joining(", ")) + ")";
        return switch (verdict.status()) {
            case PASS -> new Verdict(Verdict.Status.WARN, "flaky: passed after " + after + ": " + verdict.message(),
                    verdict.evidence());
            case WARN -> reworded(verdict, "flaky: warned after " + after + ": ");
            case FAIL -> reworded(verdict, "flaky: failed after " + after + ": ");
            case INCONCLUSIVE -> reworded(verdict, "flaky: broken after " + after + ": ");
        };
    }

    private static Verdict reworded(Verdict verdict, String prefix) {
        return new Verdict(verdict.status(), prefix + verdict.message(), verdict.evidence());
    }
}
