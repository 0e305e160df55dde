package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clients A and B in a unique room, C in another; A sends a nonce.
 *
 * @param member           how long B took to receive it; empty if B never did
 * @param outsiderReceived whether C got it too
 * @param problem          why the scenario could not be played (a client without a usable socket)
 */
public record WsBroadcastObservation(List<WsHandshake> handshakes, Optional<Duration> member,
                                     boolean outsiderReceived, Optional<String> problem, String transcript)
        implements Retried {

    public WsBroadcastObservation {
        handshakes = List.copyOf(handshakes);
    }

    @Override
    public List<TransportError> retries() {
        return handshakes.stream().flatMap(h -> h.retries().stream()).toList();
    }
}
