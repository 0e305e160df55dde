package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one request to a URL produced: a response, or the reason none came (refused, timed out, TLS failure).
 * Both are facts about the target; neither makes the observation incomplete.
 */
public record HttpObservation(URI url, Optional<HttpExchange> exchange, Optional<String> failure,
                              Duration elapsed) {

    public static HttpObservation answered(HttpExchange exchange) {
        return new HttpObservation(exchange.url(), Optional.of(exchange), Optional.empty(), exchange.latency());
    }

    public static HttpObservation unanswered(URI url, String failure, Duration elapsed) {
        return new HttpObservation(url, Optional.empty(), Optional.of(failure), elapsed);
    }

    public List<Evidence> evidence() {
        return exchange.map(e -> List.of(new Evidence(e.method() + " " + e.url() + " -> " + e.status(),
                        "http-exchange", "text/plain", e.transcript())))
                .orElseGet(() -> List.of(Evidence.text("GET " + url + " -> no response",
                        failure.orElse("no response"))));
    }
}
