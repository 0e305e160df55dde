package dev.smokegate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A latency budget in two levels, as Checkly splits "degraded" from "failed": slower than {@code warn}, the service
 * works but slowly, which a person should hear about; slower than {@code fail}, users are failing, which blocks a
 * deploy. One busy moment on a healthy service must not do that. Written {@code 1500ms} (the warn level; the fail
 * level is then the key's default, or the warn level if that is higher) or {@code {warn: 1500ms, fail: 5s}}.
 */
public record LatencyBudget(Duration warn, Duration fail) {

    public LatencyBudget {
        if (fail.compareTo(warn) < 0) {
            throw new IllegalArgumentException("fail level " + fail + " below warn level " + warn);
        }
    }

    /** A budget warning over {@code warn} and failing over {@code defaultFail}, or over {@code warn} if higher. */
    public static LatencyBudget warnOver(Duration warn, Duration defaultFail) {
        return new LatencyBudget(warn, warn.compareTo(defaultFail) > 0 ? warn : defaultFail);
    }

    /** {@code name} in either form; a missing level takes {@code defaults}' (a fail level never below warn). */
    static Optional<LatencyBudget> read(YamlNode node, String name, LatencyBudget defaults) {
        if (!node.holdsMapping(name)) {
            return node.duration(name).map(warn -> warnOver(warn, defaults.fail));
        }
        return node.section(name, levels -> {
            Duration warn = levels.duration("warn").orElse(defaults.warn);
            Optional<Duration> fail = levels.duration("fail");
            if (fail.isPresent() && fail.get().compareTo(warn) < 0) {
                levels.problem(levels.key("fail"), "must not be below warn (" + warn.toMillis() + " ms)");
                return warnOver(warn, defaults.fail);
            }
            return fail.map(f -> new LatencyBudget(warn, f)).orElseGet(() -> warnOver(warn, defaults.fail));
        });
    }
}
