package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.net.URI;
import java.util.List;

/** Every cross-origin request sent to one URL, in the order sent: for each origin its preflights, then the GET. */
public record CorsObservation(URI url, List<CorsExchange> exchanges) implements HttpEvidence, Retried {

    public CorsObservation {
        exchanges = List.copyOf(exchanges);
    }

    public List<CorsExchange> from(String origin) {
        return exchanges.stream().filter(e -> e.origin().equals(origin)).toList();
    }

    @Override
    public List<TransportError> retries() {
        return exchanges.stream().flatMap(e -> e.observation().retries().stream()).toList();
    }

    @Override
    public List<Evidence> evidence() {
        return exchanges.stream().flatMap(e -> e.observation().evidence().stream()).toList();
    }
}
