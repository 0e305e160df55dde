package dev.smokegate.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check on one target, as every reporter sees it.
 *
 * @param message what was expected and observed; for a waived result also the waiver's reason and expiry
 */
public record CheckResult(CheckSpec spec, Target target, Outcome outcome, String message, Duration duration,
                          List<Evidence> evidence) {

    public CheckResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        evidence = List.copyOf(evidence);
    }

    public String id() {
        return spec.id();
    }
}
