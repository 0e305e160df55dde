package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.util.ArrayList;
import java.util.List;

/**
 * What hstspreload.org looks at for a domain: {@code http://domain/} and {@code https://domain/} followed through
 * their redirects, and whether {@code https://www.domain/} answers.
 */
public record PreloadObservation(String domain, RedirectChain fromHttp, RedirectChain fromHttps,
                                 HttpObservation www) implements HttpEvidence, Retried {

    @Override
    public List<TransportError> retries() {
        List<TransportError> retries = new ArrayList<>(fromHttps.retries());
        retries.addAll(fromHttp.retries());
        retries.addAll(www.retries());
        return retries;
    }

    @Override
    public List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>(fromHttps.evidence());
        evidence.addAll(fromHttp.evidence());
        evidence.addAll(www.evidence());
        return evidence;
    }
}
