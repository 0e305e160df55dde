package dev.smokegate.probe.http;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one request produced: a response, or the reason none came (refused, timed out, TLS failure). Both are facts
 * about the target; neither makes the observation incomplete.
 *
 * @param failure     one readable line saying why nothing answered
 * @param failureKind the same, as a fact checks can branch on
 * @param retries     the transport errors that were retried on the way to this result
 */
public record HttpObservation(HttpRequest request, Optional<HttpExchange> exchange, Optional<String> failure,
                              Optional<HttpFailure> failureKind, Duration elapsed, List<TransportError> retries)
        implements HttpEvidence, Retried {

    public HttpObservation {
        retries = List.copyOf(retries);
    }

    public static HttpObservation answered(HttpRequest request, HttpExchange exchange) {
        return new HttpObservation(request, Optional.of(exchange), Optional.empty(), Optional.empty(),
                exchange.latency(), List.of());
    }

    public static HttpObservation answered(HttpExchange exchange) {
        return answered(new HttpRequest(exchange.method(), exchange.url(), List.of()), exchange);
    }

    public static HttpObservation unanswered(HttpRequest request, HttpFailure kind, String failure,
                                             Duration elapsed) {
        return new HttpObservation(request, Optional.empty(), Optional.of(failure), Optional.of(kind), elapsed,
                List.of());
    }

    /** The same result, reached after retrying {@code errors}. */
    public HttpObservation withRetries(List<TransportError> errors) {
        return new HttpObservation(request, exchange, failure, failureKind, elapsed, errors);
    }

    public URI url() {
        return request.url();
    }

    @Override
    public List<Evidence> evidence() {
        return exchange.map(e -> List.of(new Evidence(e.method() + " " + e.url() + " -> " + e.status(),
                        "http-exchange", "text/plain", e.transcript())))
                .orElseGet(() -> List.of(Evidence.text(request.method() + " " + request.url() + " -> no response",
                        failure.orElse("no response"))));
    }
}
