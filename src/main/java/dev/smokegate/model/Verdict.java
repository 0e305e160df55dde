package dev.smokegate.model;

import java.util.List;
import java.util.Objects;

/**
 * A check's judgement of one observation: pass, fail, warn, or inconclusive when the observation holds nothing to
 * judge (no response whose headers could be read), which the engine reports as broken. {@code WAIVED} and
 * {@code SKIPPED} are decided by the engine, which knows about waivers and applicability.
 *
 * @param message what was expected and what was observed, in one line
 */
public record Verdict(Status status, String message, List<Evidence> evidence) {

    public enum Status { PASS, FAIL, WARN, INCONCLUSIVE }

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }

    public static Verdict pass(String message) {
        return new Verdict(Status.PASS, message, List.of());
    }

    public static Verdict fail(String message) {
        return new Verdict(Status.FAIL, message, List.of());
    }

    public static Verdict warn(String message) {
        return new Verdict(Status.WARN, message, List.of());
    }

    public static Verdict inconclusive(String message) {
        return new Verdict(Status.INCONCLUSIVE, message, List.of());
    }

    public Verdict withEvidence(List<Evidence> more) {
        var all = new java.util.ArrayList<>(evidence);
        all.addAll(more);
        return new Verdict(status, message, all);
    }
}
