package dev.smokegate.probe.http;

import dev.smokegate.probe.ProbeContext;
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
        return fetch(HttpRequest.get(url));
    }

    /** One request, redirects not followed. */
    public static ProbeRequest<HttpObservation> fetch(HttpRequest request) {
        return new ProbeRequest<>(request.key(), context -> HttpFetcher.fetch(request, context));
    }

    /**
     * For each origin, the preflights a browser would send for each of {@code preflightMethods} with
     * {@code requestHeaders}, then a GET carrying the Origin. Sent one after another: a CORS policy is cheap to
     * evaluate and a burst of parallel preflights looks like an attack to some edges.
     */
    public static ProbeRequest<CorsObservation> cors(URI url, List<String> origins, List<String> preflightMethods,
                                                     List<String> requestHeaders) {
        String key = "cors " + url + " " + origins + " " + preflightMethods + " " + requestHeaders;
        return new ProbeRequest<>(key, context -> {
            List<CorsExchange> exchanges = new ArrayList<>();
            for (String origin : origins) {
                for (String method : preflightMethods) {
                    HttpRequest preflight = new HttpRequest("OPTIONS", url, List.of())
                            .withHeader("Origin", origin)
                            .withHeader("Access-Control-Request-Method", method);
                    if (!requestHeaders.isEmpty()) {
                        // Browsers send the names lowercased and sorted.
                        preflight = preflight.withHeader("Access-Control-Request-Headers", String.join(",",
                                requestHeaders.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).sorted()
                                        .toList()));
                    }
                    exchanges.add(new CorsExchange(origin, CorsExchange.Kind.PREFLIGHT, method,
                            HttpFetcher.fetch(preflight, context)));
                }
                HttpRequest actual = HttpRequest.get(url).withHeader("Origin", origin);
                exchanges.add(new CorsExchange(origin, CorsExchange.Kind.ACTUAL, "GET",
                        HttpFetcher.fetch(actual, context)));
            }
            return new CorsObservation(url, exchanges);
        });
    }

    /** A GET followed hop by hop through its redirects, each hop observed on its own. */
    public static ProbeRequest<RedirectChain> redirects(URI url) {
        return new ProbeRequest<>("http redirects " + url, context -> follow(url, context));
    }

    /** The requests hstspreload.org makes for a domain, one after another, as it makes them. */
    public static ProbeRequest<PreloadObservation> preload(String domain) {
        return new ProbeRequest<>("hsts preload " + domain, context -> new PreloadObservation(domain,
                follow(URI.create("http://" + domain + "/"), context),
                follow(URI.create("https://" + domain + "/"), context),
                HttpFetcher.get(URI.create("https://www." + domain + "/"), context)));
    }

    private static RedirectChain follow(URI url, ProbeContext context) {
        List<HttpObservation> hops = new ArrayList<>();
        URI next = url;
        while (next != null && hops.size() <= MAX_REDIRECTS) {
            HttpObservation hop = HttpFetcher.get(next, context);
            hops.add(hop);
            next = hop.exchange().filter(HttpExchange::isRedirect).flatMap(HttpExchange::location).orElse(null);
        }
        return new RedirectChain(hops);
    }
}
