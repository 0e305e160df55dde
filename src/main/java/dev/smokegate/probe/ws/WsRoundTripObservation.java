package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One client joins a unique room and sends a nonce.
 *
 * @param latency until the nonce came back; empty if it never did
 * @param problem why the scenario could not be played (no usable socket)
 */
public record WsRoundTripObservation(WsHandshake handshake, Optional<Duration> latency, Optional<String> problem,
                                     String transcript) implements Retried {

    @Override
    public List<TransportError> retries() {
        return handshake.retries();
    }
}
