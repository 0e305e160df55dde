package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * What hstspreload.org looks at for a domain: {@code http://domain/} and {@code https://domain/} followed through
 * their redirects, and whether {@code https://www.domain/} answers.
 */
public record PreloadObservation(String domain, RedirectChain fromHttp, RedirectChain fromHttps,
                                 HttpObservation www) implements HttpEvidence {

    @Override
    public List<Evidence> evidence() {
        List<Evidence> evidence = new ArrayList<>(fromHttps.evidence());
        evidence.addAll(fromHttp.evidence());
        evidence.addAll(www.evidence());
        return evidence;
    }
}
