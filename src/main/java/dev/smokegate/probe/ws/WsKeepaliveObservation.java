package dev.smokegate.probe.ws;

import java.time.Duration;
import java.util.Optional;

/**
 * One client left idle for {@code idle}, only the server's own pings keeping it busy, then asked for a round trip.
 *
 * @param closedBy       close code and reason when the connection dropped
 * @param roundTripAfter the round trip after the idle time; empty if the nonce never came back
 */
public record WsKeepaliveObservation(WsHandshake handshake, Duration idle, boolean survived,
                                     Optional<String> closedBy, Optional<Duration> roundTripAfter,
                                     Optional<String> problem, String transcript) {
}
