package dev.smokegate.probe.http;

import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
     * Origins asked at once by one CORS probe. Two halves the wait on a real network's round trips; more only
     * competed for the CPU with the gate's other probes in {@code bench/gate.sh} on 2 cores, and looks like a flood.
     */
    private static final int CORS_CONCURRENCY = 2;

    /**
     * For each origin, the preflights a browser would send for each of {@code preflightMethods} with
     * {@code requestHeaders}, then a GET carrying the Origin; the exchanges come back in that order. Up to
     * {@value #CORS_CONCURRENCY} origins are asked at a time, each origin's requests one after another.
     */
    public static ProbeRequest<CorsObservation> cors(URI url, List<String> origins, List<String> preflightMethods,
                                                     List<String> requestHeaders) {
        String key = "cors " + url + " " + origins + " " + preflightMethods + " " + requestHeaders;
        return new ProbeRequest<>(key, context -> {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(CORS_CONCURRENCY,
                    origins.size())), runnable -> {
                        Thread thread = new Thread(runnable, "smokegate-cors");
                        thread.setDaemon(true);
                        return thread;
                    });
            try {
                List<Future<List<CorsExchange>>> perOrigin = new ArrayList<>();
                for (String origin : origins) {
                    perOrigin.add(pool.submit(() -> corsExchanges(url, origin, preflightMethods, requestHeaders,
                            context)));
                }
                List<CorsExchange> exchanges = new ArrayList<>();
                for (Future<List<CorsExchange>> future : perOrigin) {
                    exchanges.addAll(future.get());
                }
                return new CorsObservation(url, exchanges);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private static List<CorsExchange> corsExchanges(URI url, String origin, List<String> preflightMethods,
                                                    List<String> requestHeaders, ProbeContext context) {
        List<CorsExchange> exchanges = new ArrayList<>();
        for (String method : preflightMethods) {
            HttpRequest preflight = new HttpRequest("OPTIONS", url, List.of())
                    .withHeader("Origin", origin)
                    .withHeader("Access-Control-Request-Method", method);
            if (!requestHeaders.isEmpty()) {
                // Browsers send the names lowercased and sorted.
                preflight = preflight.withHeader("Access-Control-Request-Headers", String.join(",",
                        requestHeaders.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).sorted().toList()));
            }
            exchanges.add(new CorsExchange(origin, CorsExchange.Kind.PREFLIGHT, method,
                    HttpFetcher.fetch(preflight, context)));
        }
        HttpRequest actual = HttpRequest.get(url).withHeader("Origin", origin);
        exchanges.add(new CorsExchange(origin, CorsExchange.Kind.ACTUAL, "GET", HttpFetcher.fetch(actual, context)));
        return exchanges;
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
