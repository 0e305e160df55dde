package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.util.List;

/** The upgrade (and Socket.IO CONNECT) of one client. */
public record WsConnectObservation(WsHandshake handshake, String transcript) implements Retried {

    @Override
    public List<TransportError> retries() {
        return handshake.retries();
    }
}
