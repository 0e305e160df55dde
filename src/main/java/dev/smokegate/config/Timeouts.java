package dev.smokegate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Every network call is bounded by {@code connect} and {@code read}; the run as a whole by {@code runDeadline},
 * after which unfinished checks are reported as broken instead of being waited for.
 *
 * @param transportRetries how often a request or handshake is tried again after a transport error before any
 *                         answer (reset, refused, connect timeout, closed); 0 turns retries off
 */
public record Timeouts(Duration connect, Duration read, Duration runDeadline, int transportRetries) {

    /** More retries would mostly delay the verdict on a target that is really down. */
    static final int MAX_TRANSPORT_RETRIES = 3;

    public static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5), 1);

    /** The default number of transport retries. */
    public Timeouts(Duration connect, Duration read, Duration runDeadline) {
        this(connect, read, runDeadline, DEFAULTS.transportRetries);
    }

    public Timeouts withRunDeadline(Duration deadline) {
        return new Timeouts(connect, read, deadline, transportRetries);
    }

    static Timeouts read(YamlNode timeouts) {
        return new Timeouts(timeouts.duration("connect").orElse(DEFAULTS.connect),
                timeouts.duration("read").orElse(DEFAULTS.read),
                timeouts.duration("run-deadline").orElse(DEFAULTS.runDeadline),
                timeouts.parsed("transport-retries", Timeouts::retries, "expected a whole number from 0 to "
                        + MAX_TRANSPORT_RETRIES).orElse(DEFAULTS.transportRetries));
    }

    private static Optional<Integer> retries(String text) {
        return Optional.of(text.trim()).filter(t -> t.matches("\\d")).map(Integer::parseInt)
                .filter(n -> n <= MAX_TRANSPORT_RETRIES);
    }
}
