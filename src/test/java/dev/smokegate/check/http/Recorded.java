package dev.smokegate.check.http;

import dev.smokegate.check.Check;
import dev.smokegate.config.Backend;
import dev.smokegate.config.Canonical;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recorded HTTP observations for judging checks without a server. */
final class Recorded {

    static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
                    URI.create("https://app.example.com"), URI.create("https://api.example.com"))
            .backend(new Backend(URI.create("https://api.example.com"), "/health", Optional.of("/health/db"),
                    Optional.empty()))
            .canonical(new Canonical(Optional.empty(), List.of(URI.create("https://www.example.com"))))
            .build();

    private Recorded() {
    }

    static HttpObservation response(String url, int status, String body, String... headerPairs) {
        return response(url, status, Duration.ofMillis(40), body, headerPairs);
    }

    static HttpObservation response(String url, int status, Duration latency, String body, String... headerPairs) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new HttpExchange.Header(headerPairs[i], headerPairs[i + 1]));
        }
        return HttpObservation.answered(new HttpExchange("GET", URI.create(url), List.of(), status, "Reason",
                headers, body, false, latency));
    }

    static HttpObservation noAnswer(String url, String failure) {
        return HttpObservation.unanswered(HttpRequest.get(URI.create(url)), HttpFailure.REFUSED, failure,
                Duration.ofSeconds(5));
    }

    /** The catalogued {@code http.*} check {@code id}, which judges observations of type {@code O}. */
    @SuppressWarnings("unchecked")
    static <O> Check<O> byId(String id) {
        return (Check<O>) HttpChecks.all().stream().filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow();
    }
}
