package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.util.List;

/** The hops of a request followed through its redirects, first request first. Never empty. */
public record RedirectChain(List<HttpObservation> hops) implements HttpEvidence, Retried {

    public RedirectChain {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a redirect chain has at least the first request");
        }
        hops = List.copyOf(hops);
    }

    public HttpObservation first() {
        return hops.get(0);
    }

    public HttpObservation last() {
        return hops.get(hops.size() - 1);
    }

    @Override
    public List<TransportError> retries() {
        return hops.stream().flatMap(h -> h.retries().stream()).toList();
    }

    @Override
    public List<Evidence> evidence() {
        return hops.stream().flatMap(h -> h.evidence().stream()).toList();
    }
}
