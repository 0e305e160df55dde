package dev.smokegate.reference.net;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How a {@link FaultyProxy} mistreats the connections it accepts from now on, the ways real networks do.
 *
 * @param minLatency       the least round-trip time added (half in each direction, per chunk of bytes)
 * @param maxLatency       the most round-trip time added; each chunk gets a random delay in between, order kept
 * @param resetProbability the share of connections reset before they carry any byte back (0 to 1)
 * @param resetFirst       how many of the next connections are reset for certain (before the probability applies)
 * @param blackhole        accept connections and never forward or answer a byte
 * @param stallAfterBytes  forward this many bytes back to the client, then nothing more (the connection stays open)
 */
public record ProxyFaults(Duration minLatency, Duration maxLatency, double resetProbability, int resetFirst,
                          boolean blackhole, OptionalLong stallAfterBytes) {

    public static final ProxyFaults NONE = new ProxyFaults(Duration.ZERO, Duration.ZERO, 0, 0, false,
            OptionalLong.empty());

    public ProxyFaults {
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("latency range " + minLatency + ".." + maxLatency + " is not a range");
        }
        if (resetProbability < 0 || resetProbability > 1) {
            throw new IllegalArgumentException("reset probability " + resetProbability + " is not between 0 and 1");
        }
        if (resetFirst < 0 || stallAfterBytes.orElse(0) < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public ProxyFaults withLatency(Duration min, Duration max) {
        return new ProxyFaults(min, max, resetProbability, resetFirst, blackhole, stallAfterBytes);
    }

    public ProxyFaults withResetProbability(double probability) {
        return new ProxyFaults(minLatency, maxLatency, probability, resetFirst, blackhole, stallAfterBytes);
    }

    public ProxyFaults withResetFirst(int connections) {
        return new ProxyFaults(minLatency, maxLatency, resetProbability, connections, blackhole, stallAfterBytes);
    }

    public ProxyFaults withBlackhole(boolean on) {
        return new ProxyFaults(minLatency, maxLatency, resetProbability, resetFirst, on, stallAfterBytes);
    }

    public ProxyFaults withStallAfter(long bytes) {
        return new ProxyFaults(minLatency, maxLatency, resetProbability, resetFirst, blackhole, OptionalLong.of(bytes));
    }
}
