package dev.smokegate.config;

import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code fail-on} section: per suite, the least severe failure that still fails the run (exit 1). A failed
 * check below it is reported as failed everywhere but does not decide the exit code, the way Trivy's
 * {@code --severity} with {@code --exit-code} lets a gate block on high findings while a nightly shows all.
 * Without a threshold every failure counts.
 */
public record FailOn(Map<Suite, Severity> bySuite) {

    public static final FailOn EVERYTHING = new FailOn(Map.of());

    public FailOn {
        bySuite = Map.copyOf(bySuite);
    }

    public Severity forSuite(Suite suite) {
        return bySuite.getOrDefault(suite, Severity.INFO);
    }

    /** This threshold with {@code suite}'s replaced, as {@code --fail-on} does for the suite of its run. */
    public FailOn with(Suite suite, Severity severity) {
        Map<Suite, Severity> changed = new EnumMap<>(Suite.class);
        changed.putAll(bySuite);
        changed.put(suite, severity);
        return new FailOn(changed);
    }

    static FailOn read(YamlNode section) {
        Map<Suite, Severity> bySuite = new EnumMap<>(Suite.class);
        for (Suite suite : Suite.values()) {
            section.parsed(suite.label(), Severity::parse, "expected one of " + Severity.labels())
                    .ifPresent(severity -> bySuite.put(suite, severity));
        }
        return new FailOn(bySuite);
    }
}
