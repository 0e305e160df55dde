package dev.smokegate.check.http;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import java.net.URI;
import java.util.List;

/**
 * The first hop of {@code http://host/} is a permanent redirect to {@code https://} on the same host. Same host
 * matters: a browser only learns HSTS for a host it reached over HTTPS, so jumping straight to another host leaves
 * the first one downgradable (hstspreload.org rejects it too).
 */
final class HttpsRedirect {

    private HttpsRedirect() {
    }

    /** {@code http://host/} for every https origin of the environment. */
    static List<Target> targets(EnvironmentConfig config) {
        return HttpTargets.origins(config).stream()
                .filter(t -> "https".equalsIgnoreCase(URI.create(t.address()).getScheme()))
                .map(t -> new Target(t.role(), "http://" + URI.create(t.address()).getHost() + "/"))
                .toList();
    }

    static Verdict judge(HttpObservation observed) {
        String host = observed.url().getHost();
        if (observed.exchange().isEmpty()) {
            return Verdict.fail("expected a permanent redirect to https://" + host + "/, got no answer: "
                    + observed.failure().orElse("no response"));
        }
        HttpExchange exchange = observed.exchange().get();
        if (!exchange.isRedirect()) {
            return Verdict.fail("expected a permanent redirect to https://" + host + "/, got " + exchange.status()
                    + " " + exchange.reason() + " over plain http");
        }
        URI location = exchange.location().orElse(null);
        if (location == null) {
            return Verdict.fail("redirect has an unparseable Location: " + exchange.header("Location").orElse(""));
        }
        if (!"https".equalsIgnoreCase(location.getScheme())) {
            return Verdict.fail("redirects to " + location + ", which is not https");
        }
        if (!host.equalsIgnoreCase(location.getHost())) {
            return Verdict.fail("redirects first to another host (" + location + "); the first hop must go to "
                    + "https://" + host + " so HSTS covers " + host);
        }
        if (exchange.status() != 301 && exchange.status() != 308) {
            return Verdict.fail("redirects to " + location + " with " + exchange.status()
                    + ", a temporary redirect; expected 301 or 308");
        }
        return Verdict.pass(exchange.status() + " to " + location);
    }
}
