package dev.smokegate.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one check on one target, as every reporter sees it.
 *
 * @param message what was expected and observed; for a waived result also the waiver's reason and expiry
 * @param flaky   the observation behind it needed a transport retry; the outcome and message already show it (a
 *                pass is reported as a warning), this lets reports count such results
 * @param measurements the verdict's numbers to trend across runs ({@link Verdict#measurements()})
 */
public record CheckResult(CheckSpec spec, Target target, Outcome outcome, String message, Duration duration,
                          List<Evidence> evidence, boolean flaky, Map<String, Long> measurements) {

    public CheckResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        evidence = List.copyOf(evidence);
        measurements = Map.copyOf(measurements);
    }

    public CheckResult(CheckSpec spec, Target target, Outcome outcome, String message, Duration duration,
                       List<Evidence> evidence, boolean flaky) {
        this(spec, target, outcome, message, duration, evidence, flaky, Map.of());
    }

    /** A result whose observation needed no retry. */
    public CheckResult(CheckSpec spec, Target target, Outcome outcome, String message, Duration duration,
                       List<Evidence> evidence) {
        this(spec, target, outcome, message, duration, evidence, false);
    }

    public String id() {
        return spec.id();
    }
}
