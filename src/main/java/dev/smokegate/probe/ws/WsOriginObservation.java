package dev.smokegate.probe.ws;

import java.util.List;

/**
 * Handshakes from foreign origins, and a control handshake from the allowed one: a refusal only means something
 * when the allowed origin gets through.
 */
public record WsOriginObservation(WsHandshake control, List<WsHandshake> attempts, String transcript) {

    public WsOriginObservation {
        attempts = List.copyOf(attempts);
    }
}
