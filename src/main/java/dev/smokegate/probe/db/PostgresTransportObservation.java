package dev.smokegate.probe.db;

import java.util.Optional;

/**
 * How the server answers connections that carry no credentials: a plaintext StartupMessage (would it go on to a
 * login without TLS?) and an SSLRequest followed by a TLS handshake verified against the run's trust and the host
 * name (does it offer TLS with a certificate clients can verify?).
 *
 * @param address  {@code host:port/database}
 * @param plaintext the answer to the plaintext StartupMessage
 * @param tls       the verified TLS handshake's protocol, or why it failed
 */
public record PostgresTransportObservation(String address, PlaintextAnswer plaintext, TlsAnswer tls) {

    /** What the server did with a StartupMessage sent without SSLRequest. */
    public record PlaintextAnswer(Kind kind, String detail) {

        public enum Kind {
            /** It asked for authentication ({@code R}): a plaintext login would go ahead. */
            AUTHENTICATION_REQUESTED,
            /** It answered with an ErrorResponse ({@code E}), such as 28000 "no encryption". */
            REFUSED,
            /** No connection: refused, unreachable or timed out before connecting. */
            NO_CONNECTION,
            /** Connected, but no message (closed, timed out or not the Postgres protocol). */
            NO_ANSWER
        }
    }

    /** The verified TLS handshake after an SSLRequest: the protocol agreed, or why there was none. */
    public record TlsAnswer(Optional<String> protocol, Optional<String> failure) {
    }
}
