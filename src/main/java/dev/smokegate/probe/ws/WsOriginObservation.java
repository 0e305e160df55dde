package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.util.List;
import java.util.stream.Stream;

/**
 * Handshakes from foreign origins, and a control handshake from the allowed one: a refusal only means something
 * when the allowed origin gets through.
 */
public record WsOriginObservation(WsHandshake control, List<WsHandshake> attempts, String transcript)
        implements Retried {

    public WsOriginObservation {
        attempts = List.copyOf(attempts);
    }

    @Override
    public List<TransportError> retries() {
        return Stream.concat(Stream.of(control), attempts.stream()).flatMap(h -> h.retries().stream()).toList();
    }
}
