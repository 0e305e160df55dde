package dev.smokegate.probe.http;

import dev.smokegate.probe.ProbeRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The HTTP observations checks can ask for. Equal requests share one key and so one observation. */
public final class HttpProbes {

    /** More hops than any sane canonicalisation needs; hstspreload.org allows three. */
    public static final int MAX_REDIRECTS = 5;

    private HttpProbes() {
    }

    /** One GET, redirects not followed. */
    public static ProbeRequest<HttpObservation> get(URI url) {
        return new ProbeRequest<>("http GET " + url, context -> HttpFetcher.get(url, context));
    }

    /** A GET followed hop by hop through its redirects, each hop observed on its own. */
    public static ProbeRequest<RedirectChain> redirects(URI url) {
        return new ProbeRequest<>("http redirects " + url, context -> {
            List<HttpObservation> hops = new ArrayList<>();
            URI next = url;
            while (next != null && hops.size() <= MAX_REDIRECTS) {
                HttpObservation hop = HttpFetcher.get(next, context);
                hops.add(hop);
                next = hop.exchange().filter(HttpExchange::isRedirect).flatMap(HttpExchange::location)
                        .orElse(null);
            }
            return new RedirectChain(hops);
        });
    }
}
