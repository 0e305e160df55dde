package dev.smokegate.junit;

import dev.smokegate.engine.PlannedCheck;
import dev.smokegate.engine.RunReport;
import dev.smokegate.engine.RunSession;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The suites as JUnit sees them: one container per area, one test per check and target. The tests are thin:
 * the engine has already started every probe, a test waits for its result and turns the outcome into JUnit's
 * vocabulary (failure, error, aborted) so every JUnit tool reads it right.
 */
public class SmokegateChecks {

    @TestFactory
    Stream<DynamicNode> checks() {
        RunSession session = ActiveRun.get().orElseThrow(() -> new IllegalStateException(
                "no smokegate run is active: start it with ./smokegate run <env>"));
        Map<String, List<PlannedCheck>> byArea = new LinkedHashMap<>();
        session.planned().forEach(p -> byArea.computeIfAbsent(p.check().spec().area(), a -> new java.util.ArrayList<>())
                .add(p));
        return byArea.entrySet().stream().map(area -> DynamicContainer.dynamicContainer(area.getKey(),
                area.getValue().stream().map(p -> DynamicTest.dynamicTest(p.displayName(),
                        () -> report(session.evaluate(p), session.failOn())))));
    }

    private static void report(CheckResult result, Severity failOn) {
        boolean belowFailOn = RunReport.belowFailOn(result, failOn);
        AllureAnnotations.describe(result, belowFailOn);
        switch (result.outcome()) {
            case PASSED, WARNED -> {
            }
            case FAILED -> throw new CheckFailedError(RunReport.reportedMessage(result, failOn));
            case BROKEN -> throw new CouldNotVerifyException(result.message());
            case WAIVED, SKIPPED -> throw new TestAbortedException(result.outcome().label() + ": " + result.message());
        }
    }
}
