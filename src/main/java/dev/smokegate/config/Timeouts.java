package dev.smokegate.config;

import java.time.Duration;

/**
 * Every network call is bounded by {@code connect} and {@code read}; the run as a whole by {@code runDeadline},
 * after which unfinished checks are reported as broken instead of being waited for.
 */
public record Timeouts(Duration connect, Duration read, Duration runDeadline) {

    public static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5));

    public Timeouts withRunDeadline(Duration deadline) {
        return new Timeouts(connect, read, deadline);
    }

    static Timeouts read(YamlNode timeouts) {
        return new Timeouts(timeouts.duration("connect").orElse(DEFAULTS.connect),
                timeouts.duration("read").orElse(DEFAULTS.read),
                timeouts.duration("run-deadline").orElse(DEFAULTS.runDeadline));
    }
}
