package dev.smokegate.probe.ws;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.TransportError;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Why a WebSocket client got no answer to its upgrade, phase by phase (TCP connect, TLS handshake, upgrade), as one
 * line for the report, the transport error a retry may cure, and whether it was a timeout the rest of the run
 * should know about.
 */
final class WsFailures {

    /**
     * @param transport the retryable transport error, when it came before any answer
     * @param timedOut  nothing answered in time: the address is recorded as timed out
     */
    record Failure(String description, Optional<TransportError> transport, boolean timedOut) {
    }

    /** A dial that failed before there was a socket to upgrade on. */
    static final class DialFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        DialFailed(Failure failure) {
            super(failure.description(), null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private WsFailures() {
    }

    static Failure connect(IOException e, URI url, EnvironmentConfig config) {
        String where = Endpoints.where(url, config);
        if (e instanceof UnknownHostException) {
            return new Failure("could not resolve host " + url.getHost(), Optional.empty(), false);
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure("connection timed out after " + Endpoints.seconds(config.timeouts().connect())
                    + " to " + where, Optional.of(TransportError.CONNECT_TIMEOUT), true);
        }
        if (e instanceof ConnectException) {
            return new Failure("connection refused by " + where, Optional.of(TransportError.REFUSED), false);
        }
        return new Failure("connecting to " + where + " failed: " + FailureText.of(e), Optional.empty(), false);
    }

    static Failure tlsHandshake(IOException e, URI url, EnvironmentConfig config) {
        String where = Endpoints.where(url, config);
        if (FailureText.find(e, SocketTimeoutException.class).isPresent()) {
            return new Failure("no TLS handshake within " + Endpoints.seconds(config.timeouts().read()) + " from "
                    + where + " (connection accepted, nothing answered)", Optional.empty(), true);
        }
        if (FailureText.saysReset(e)) {
            return new Failure("connection reset by " + where + " during the TLS handshake",
                    Optional.of(TransportError.RESET), false);
        }
        if (FailureText.find(e, EOFException.class).isPresent()) {
            return new Failure(where + " closed the connection during the TLS handshake",
                    Optional.of(TransportError.CLOSED), false);
        }
        return new Failure("TLS handshake with " + where + " failed: " + FailureText.of(e), Optional.empty(), false);
    }

    /**
     * @param error     what the client reported, if anything
     * @param waitedOut the whole read timeout passed without an answer, rather than the connection ending sooner
     */
    static Failure upgrade(Optional<Exception> error, boolean waitedOut, URI url, EnvironmentConfig config) {
        String where = Endpoints.where(url, config);
        if (waitedOut) {
            return new Failure("no answer to the WebSocket upgrade within "
                    + Endpoints.seconds(config.timeouts().read()) + " from " + where
                    + " (connection accepted, nothing answered)", Optional.empty(), true);
        }
        if (error.filter(FailureText::saysReset).isPresent()) {
            return new Failure("connection reset by " + where + " before it answered the WebSocket upgrade",
                    Optional.of(TransportError.RESET), false);
        }
        if (error.isPresent()) {
            return new Failure("WebSocket upgrade to " + where + " failed: " + FailureText.of(error.get()),
                    Optional.empty(), false);
        }
        return new Failure(where + " closed the connection without answering the WebSocket upgrade",
                Optional.of(TransportError.CLOSED), false);
    }
}
