package dev.smokegate.check.http;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.RedirectChain;
import java.net.URI;
import java.util.List;

/**
 * Every alias origin ({@code https://www.example.com}) redirects permanently, in one hop, to the canonical origin,
 * and the canonical origin then answers. One canonical host keeps cookies, caches and search rankings in one place.
 */
final class CanonicalRedirect {

    private CanonicalRedirect() {
    }

    static List<Target> targets(EnvironmentConfig config) {
        return config.canonical().redirectFrom().stream()
                .map(u -> new Target(Target.ALIAS, u.resolve("/").toString())).toList();
    }

    static Verdict judge(RedirectChain chain, EnvironmentConfig config) {
        URI canonical = config.canonicalUrl();
        String expected = "https://" + canonical.getHost();
        HttpObservation first = chain.first();
        if (first.exchange().isEmpty()) {
            return Verdict.fail("expected a permanent redirect to " + expected + ", got no answer: "
                    + first.failure().orElse("no response"));
        }
        HttpExchange hop = first.exchange().get();
        if (!hop.isRedirect()) {
            return Verdict.fail("expected a permanent redirect to " + expected + ", got " + hop.status() + " "
                    + hop.reason() + " (the alias serves content itself)");
        }
        URI location = hop.location().orElseThrow();
        if (!canonical.getHost().equalsIgnoreCase(location.getHost())
                || !"https".equalsIgnoreCase(location.getScheme())) {
            return Verdict.fail("redirects to " + location + ", expected " + expected);
        }
        if (hop.status() != 301 && hop.status() != 308) {
            return Verdict.fail("redirects to " + location + " with " + hop.status()
                    + ", a temporary redirect; expected 301 or 308");
        }
        HttpObservation last = chain.last();
        boolean lands = last.exchange().map(e -> e.status() >= 200 && e.status() < 300).orElse(false);
        if (!lands) {
            return Verdict.fail("redirects to " + location + ", but the canonical origin then "
                    + last.exchange().map(e -> "answers " + e.status() + " at " + e.url())
                    .orElse("does not answer: " + last.failure().orElse("no response")));
        }
        return Verdict.pass(hop.status() + " to " + location);
    }
}
