package dev.smokegate.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A named selection of checks. {@code GATE} is the fast post-deploy decision, {@code NIGHTLY} everything on a
 * schedule, {@code FULL} everything for an on-call engineer.
 */
public enum Suite {
    GATE, NIGHTLY, FULL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Suite> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equals(text)).findFirst();
    }
}
