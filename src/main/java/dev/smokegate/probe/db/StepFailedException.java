package dev.smokegate.probe.db;

import java.time.Duration;

/** A drill step that did not finish; the drill records it and cleans up, it never reaches the engine. */
final class StepFailedException extends Exception {

    private final String step;
    private final Duration took;
    private final boolean outOfTime;
    private final String output;

    StepFailedException(String step, String problem, Duration took, boolean outOfTime, String output) {
        super(problem);
        this.step = step;
        this.took = took;
        this.outOfTime = outOfTime;
        this.output = output;
    }

    String step() {
        return step;
    }

    Duration took() {
        return took;
    }

    boolean outOfTime() {
        return outOfTime;
    }

    /** The tool's whole output (masked), for the evidence. */
    String output() {
        return output;
    }
}
