package dev.smokegate.model;

import java.util.Locale;

/** How much a failed check matters; {@code CRITICAL} blocks a deploy. Ordered from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
