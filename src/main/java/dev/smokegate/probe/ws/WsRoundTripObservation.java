package dev.smokegate.probe.ws;

import java.time.Duration;
import java.util.Optional;

/**
 * One client joins a unique room and sends a nonce.
 *
 * @param latency until the nonce came back; empty if it never did
 * @param problem why the scenario could not be played (no usable socket)
 */
public record WsRoundTripObservation(WsHandshake handshake, Optional<Duration> latency, Optional<String> problem,
                                     String transcript) {
}
