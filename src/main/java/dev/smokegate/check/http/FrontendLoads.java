package dev.smokegate.check.http;

import dev.smokegate.check.LatencyJudge;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.config.Origins;
import dev.smokegate.config.Ports;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.RedirectChain;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The frontend is up: its page answers 2xx with HTML, directly or after redirects that stay on its own origin (a
 * root that sends visitors to {@code /login}), within the latency budget. A page that is down, stalls, refuses
 * connections or fails TLS fails this, so a dead frontend never passes a gate that only asked the backend.
 */
final class FrontendLoads {

    private FrontendLoads() {
    }

    static Verdict judge(RedirectChain chain, LatencyBudget budget) {
        URI page = chain.first().url();
        Duration took = Duration.ZERO;
        for (HttpObservation hop : chain.hops()) {
            if (hop.exchange().isEmpty()) {
                String failure = hop.failure().orElse("no response");
                return Verdict.fail(hop == chain.first() ? "expected an HTML page from " + page + ", got no answer: "
                        + failure : "redirected to " + hop.url() + ", which did not answer: " + failure);
            }
            HttpExchange answer = hop.exchange().get();
            took = took.plus(answer.latency());
            if (answer.isRedirect()) {
                Optional<URI> location = answer.location();
                if (location.isEmpty() || !Origins.same(page, location.get())) {
                    return Verdict.fail("redirects away from its own origin, to "
                            + location.map(URI::toString).orElse("an unparseable Location")
                            + "; expected a page, or a redirect within " + origin(page));
                }
                continue;
            }
            if (answer.status() < 200 || answer.status() > 299) {
                return Verdict.fail(where(chain, hop) + "answered " + answer.status() + " " + answer.reason()
                        + ", expected 2xx with an HTML page");
            }
            String type = answer.header("Content-Type").orElse("no Content-Type");
            if (!isHtml(type)) {
                return Verdict.fail(where(chain, hop) + "answered " + answer.status() + " with " + type
                        + ", expected an HTML page");
            }
            return LatencyJudge.judge(where(chain, hop) + "answered " + answer.status() + " with HTML", took, budget,
                    "thresholds.frontend-latency");
        }
        return Verdict.fail("still redirecting after " + (chain.hops().size() - 1) + " redirects, last to "
                + chain.last().url());
    }

    private static String where(RedirectChain chain, HttpObservation hop) {
        return hop == chain.first() ? "" : "redirected to " + hop.url().getRawPath() + ", which ";
    }

    private static boolean isHtml(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + Ports.of(url);
    }
}
