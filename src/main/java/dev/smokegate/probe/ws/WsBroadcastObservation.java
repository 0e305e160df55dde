package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clients A and B in a unique room, C in another; A sends a nonce to its room, then a marker to C's.
 *
 * @param member           how long B took to receive the nonce; empty if B never did
 * @param outsiderReceived whether C got the nonce too
 * @param outsiderOrdered  whether C got the marker: then a leaked nonce, sent first down the same path, would have
 *                         come before it, and its absence is proven by order; otherwise C was given
 *                         websocket.latency's warn level to show it (an app that refuses a message to a room its
 *                         sender is not in)
 * @param problem          why the scenario could not be played (a client without a usable socket)
 */
public record WsBroadcastObservation(List<WsHandshake> handshakes, Optional<Duration> member,
                                     boolean outsiderReceived, boolean outsiderOrdered, Optional<String> problem,
                                     String transcript)
        implements Retried {

    public WsBroadcastObservation {
        handshakes = List.copyOf(handshakes);
    }

    @Override
    public List<TransportError> retries() {
        return handshakes.stream().flatMap(h -> h.retries().stream()).toList();
    }
}
