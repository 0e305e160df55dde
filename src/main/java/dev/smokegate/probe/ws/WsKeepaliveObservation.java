package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One client left idle for {@code idle}, only the server's own pings keeping it busy, then asked for a round trip.
 *
 * @param closedBy       close code and reason when the connection dropped
 * @param roundTripAfter the round trip after the idle time; empty if the nonce never came back
 */
public record WsKeepaliveObservation(WsHandshake handshake, Duration idle, boolean survived,
                                     Optional<String> closedBy, Optional<Duration> roundTripAfter,
                                     Optional<String> problem, String transcript) implements Retried {

    @Override
    public List<TransportError> retries() {
        return handshake.retries();
    }
}
