package dev.smokegate.probe.http;

import static dev.smokegate.probe.FailureText.find;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.TransportError;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Why one attempt of a request got no (complete) response, as a kind checks branch on, the transport error a retry
 * may cure, and one line an on-call engineer can act on. The phrases are what the report's categories match.
 */
final class HttpFailures {

    /**
     * @param transport the retryable transport error, present only when it happened before any response arrived
     */
    record Failure(HttpFailure kind, Optional<TransportError> transport, String description) {
    }

    private HttpFailures() {
    }

    /**
     * @param capped   the request's cap expired and closed its sockets
     * @param answered the status line and headers had arrived, so the failure came while reading the body
     */
    static Failure classify(Throwable thrown, URI url, EnvironmentConfig config, boolean capped, boolean answered) {
        String where = Endpoints.where(url, config);
        String connect = Endpoints.seconds(config.timeouts().connect());
        String read = Endpoints.seconds(config.timeouts().read());
        if (capped) {
            return failure(HttpFailure.TIMED_OUT, "no complete response within " + Endpoints.seconds(config
                    .timeouts().connect().plus(config.timeouts().read())) + " from " + where);
        }
        // HttpClient wraps the socket's own "connect timed out" in this: look for it before any read timeout.
        if (find(thrown, ConnectTimeoutException.class).isPresent()) {
            return retryable(HttpFailure.TIMED_OUT, TransportError.CONNECT_TIMEOUT,
                    "connection timed out after " + connect + " to " + where, answered);
        }
        if (find(thrown, SocketTimeoutException.class).isPresent()) {
            return failure(HttpFailure.TIMED_OUT, answered
                    ? "the response from " + where + " stalled: no more bytes within " + read
                    : "no response within " + read + " from " + where + " (connection accepted, nothing answered)");
        }
        if (find(thrown, UnknownHostException.class).isPresent()) {
            return failure(HttpFailure.UNRESOLVED, "could not resolve host " + url.getHost());
        }
        if (find(thrown, ConnectException.class).isPresent()) {
            return retryable(HttpFailure.REFUSED, TransportError.REFUSED, "connection refused by " + where, answered);
        }
        if (FailureText.saysReset(thrown)) {
            return retryable(HttpFailure.OTHER, TransportError.RESET, answered
                    ? "connection reset by " + where + " in the middle of the response"
                    : "connection reset by " + where + " before it answered", answered);
        }
        if (find(thrown, EOFException.class).isPresent() || find(thrown, NoHttpResponseException.class).isPresent()) {
            return retryable(HttpFailure.OTHER, TransportError.CLOSED, answered
                    ? where + " closed the connection before the response was complete"
                    : where + " closed the connection without answering", answered);
        }
        Optional<? extends Exception> tls = find(thrown, SSLException.class).isPresent()
                ? find(thrown, SSLException.class) : find(thrown, CertificateException.class);
        if (tls.isPresent()) {
            return failure(HttpFailure.TLS, "TLS handshake with " + where + " failed: " + FailureText.of(tls.get()));
        }
        return failure(HttpFailure.OTHER, "request to " + where + " failed: " + FailureText.of(rootCause(thrown)));
    }

    private static Failure failure(HttpFailure kind, String description) {
        return new Failure(kind, Optional.empty(), description);
    }

    /** Only an error before any response is the network's to blame; after one, the response itself broke. */
    private static Failure retryable(HttpFailure kind, TransportError error, String description, boolean answered) {
        return new Failure(kind, answered ? Optional.empty() : Optional.of(error), description);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
