package dev.smokegate.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A check's judgement of one observation: pass, fail, warn, or inconclusive when the observation holds nothing to
 * judge (no response whose headers could be read), which the engine reports as broken. {@code WAIVED} and
 * {@code SKIPPED} are decided by the engine, which knows about waivers and applicability.
 *
 * @param message      what was expected and what was observed, in one line
 * @param measurements numbers a reader trends across runs, by name with the unit last ({@code recovery-ms})
 */
public record Verdict(Status status, String message, List<Evidence> evidence, Map<String, Long> measurements) {

    public enum Status { PASS, FAIL, WARN, INCONCLUSIVE }

    public Verdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
        measurements = Map.copyOf(measurements);
    }

    public Verdict(Status status, String message, List<Evidence> evidence) {
        this(status, message, evidence, Map.of());
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
        return new Verdict(status, message, all, measurements);
    }

    public Verdict withMeasurements(Map<String, Long> more) {
        var all = new java.util.LinkedHashMap<>(measurements);
        all.putAll(more);
        return new Verdict(status, message, evidence, all);
    }
}
