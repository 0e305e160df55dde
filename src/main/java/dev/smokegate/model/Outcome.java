package dev.smokegate.model;

import java.util.Locale;

/**
 * What happened to one check on one target.
 * <ul>
 *   <li>{@code PASSED}: the expectation holds.</li>
 *   <li>{@code FAILED}: the target was observed and does not meet the expectation (a down target is FAILED).</li>
 *   <li>{@code BROKEN}: the check could not observe the target (probe error, run deadline), so nothing is known.</li>
 *   <li>{@code WARNED}: the expectation holds but something deserves attention soon.</li>
 *   <li>{@code WAIVED}: it failed, and an unexpired waiver in the config accepts that failure.</li>
 *   <li>{@code SKIPPED}: the check does not apply to this environment (nothing configured for it).</li>
 * </ul>
 */
public enum Outcome {
    PASSED, FAILED, BROKEN, WARNED, WAIVED, SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
