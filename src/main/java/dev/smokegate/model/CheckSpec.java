package dev.smokegate.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stable, user-facing identity of a check: what waivers, dashboards and {@code --only} refer to.
 *
 * @param id          {@code area.subject.requirement}, lowercase and hyphenated, stable forever once released
 * @param severity    how much a failure matters
 * @param suites      the suites that run this check
 * @param requirement one line: what must be true
 * @param remediation what an engineer changes to make it true
 */
public record CheckSpec(String id, Severity severity, Set<Suite> suites, String requirement, String remediation) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){1,3}");

    public CheckSpec {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id must look like area.subject.requirement: " + id);
        }
        Objects.requireNonNull(severity, "severity");
        if (suites.isEmpty()) {
            throw new IllegalArgumentException(id + ": a check belongs to at least one suite");
        }
        suites = Set.copyOf(suites);
        if (requirement == null || requirement.isBlank() || remediation == null || remediation.isBlank()) {
            throw new IllegalArgumentException(id + ": requirement and remediation are required");
        }
    }

    /** Convenience for the common case: a gate check also runs nightly and in full. */
    public static CheckSpec gate(String id, Severity severity, String requirement, String remediation) {
        return new CheckSpec(id, severity, EnumSet.allOf(Suite.class), requirement, remediation);
    }

    /** A check too slow or too noisy for the deploy gate. */
    public static CheckSpec nightly(String id, Severity severity, String requirement, String remediation) {
        return new CheckSpec(id, severity, EnumSet.of(Suite.NIGHTLY, Suite.FULL), requirement, remediation);
    }

    /** The first segment of the id: {@code http}, {@code tls}, ... */
    public String area() {
        return id.substring(0, id.indexOf('.'));
    }
}
