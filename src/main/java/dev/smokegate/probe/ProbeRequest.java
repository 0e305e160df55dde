package dev.smokegate.probe;

import java.util.Objects;

/**
 * A probe a check needs, with a key that identifies the observation. Checks asking for the same key share one
 * observation, so one TLS handshake or one HTTP exchange feeds every check that judges it.
 */
public record ProbeRequest<O>(String key, Probe<O> probe) {

    public ProbeRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(probe, "probe");
    }
}
