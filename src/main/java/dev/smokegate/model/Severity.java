package dev.smokegate.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much a failed check matters; {@code CRITICAL} blocks a deploy. Ordered from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is {@code threshold} or more severe, as a fail-on threshold reads it. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text)).findFirst();
    }

    /** The labels, most severe first, for messages that list what is accepted. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Severity::label).toList());
    }
}
