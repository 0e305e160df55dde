package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.http.HttpObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Engine.IO's HTTP long-polling transport as a browser falls back to it: the handshake, then follow-up requests
 * carrying the session id, each on a new connection, as an edge without affinity would route them.
 *
 * @param sid the session id the handshake gave, empty when polling is off or the handshake failed
 */
public record SocketIoPollingObservation(HttpObservation handshake, Optional<String> sid,
                                         List<HttpObservation> followUps) implements Retried {

    public SocketIoPollingObservation {
        followUps = List.copyOf(followUps);
    }

    @Override
    public List<TransportError> retries() {
        List<TransportError> retries = new ArrayList<>(handshake.retries());
        followUps.forEach(f -> retries.addAll(f.retries()));
        return retries;
    }
}
