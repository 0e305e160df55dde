package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Connections opened until two replicas were seen, then a nonce sent from the first replica's client to the
 * second's through a shared room.
 *
 * @param replicas  what each connection reported, an empty string when it named none
 * @param delivered how long the nonce took; empty if it never arrived or no second replica was found
 * @param problem   why the scenario could not be played (a client without a usable socket)
 */
public record WsCrossReplicaObservation(List<WsHandshake> handshakes, List<String> replicas,
                                        Optional<Duration> delivered, Optional<String> problem, String transcript)
        implements Retried {

    public WsCrossReplicaObservation {
        handshakes = List.copyOf(handshakes);
        replicas = List.copyOf(replicas);
    }

    @Override
    public List<TransportError> retries() {
        return handshakes.stream().flatMap(h -> h.retries().stream()).toList();
    }
}
