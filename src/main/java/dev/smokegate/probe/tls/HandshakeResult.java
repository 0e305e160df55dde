package dev.smokegate.probe.tls;

import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.TransportRetries;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * What one handshake showed. A ServerHello ({@code version} and {@code suite} present) means the server accepted
 * the offer, whatever happened after it; {@code failure} says why the handshake did not get as far as intended.
 */
record HandshakeResult(Optional<TlsVersion> version, OptionalInt suite, Optional<Boolean> renegotiationInfo,
                       List<X509Certificate> chain, Optional<byte[]> staple, int scts, OptionalInt dhBits,
                       Optional<Failure> failure) implements TransportRetries.Attempt {

    HandshakeResult {
        chain = List.copyOf(chain);
    }

    /** Why a handshake stopped short: how the network or the server answered. */
    record Failure(Kind kind, String detail) {
    }

    enum Kind {
        /** The host name did not resolve. */
        UNRESOLVED,
        /** TCP connection refused (RST on SYN). */
        CONNECTION_REFUSED,
        /** No TCP connection within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No route, network unreachable. */
        UNREACHABLE,
        /** Connected, but no (complete) answer within the read timeout or the connection budget. */
        READ_TIMEOUT,
        /** The server answered with a TLS alert. */
        ALERT,
        /** The server closed the connection (FIN) without an alert. */
        CLOSED,
        /** The connection was reset (RST) without an alert. */
        RESET,
        /** The server answered, but with something the client could not accept. */
        PROTOCOL,
        /** Anything else. */
        OTHER;

        /** The host cannot be reached at all: no further handshake is worth trying. */
        boolean hostDown() {
            return this == UNRESOLVED || this == CONNECTION_REFUSED || this == CONNECT_TIMEOUT || this == UNREACHABLE;
        }

        boolean timeout() {
            return this == CONNECT_TIMEOUT || this == READ_TIMEOUT;
        }

        /** The server saw the ClientHello and turned it down: what a refused version or suite looks like. */
        boolean refusal() {
            return this == ALERT || this == CLOSED || this == RESET;
        }

        /** The transport error a retry may cure; a refusal by close or reset is confirmed by the retry. */
        Optional<TransportError> transportError() {
            return switch (this) {
                case CONNECTION_REFUSED -> Optional.of(TransportError.REFUSED);
                case CONNECT_TIMEOUT -> Optional.of(TransportError.CONNECT_TIMEOUT);
                case RESET -> Optional.of(TransportError.RESET);
                case CLOSED -> Optional.of(TransportError.CLOSED);
                default -> Optional.empty();
            };
        }
    }

    /** No handshake at all: the scan was not made. */
    static HandshakeResult none() {
        return new HandshakeResult(Optional.empty(), OptionalInt.empty(), Optional.empty(), List.of(),
                Optional.empty(), 0, OptionalInt.empty(), Optional.empty());
    }

    /** A transport error before the ServerHello; after it, the server has answered the offer. */
    @Override
    public Optional<TransportError> retryable() {
        return serverHelloReceived() ? Optional.empty() : failure.flatMap(f -> f.kind().transportError());
    }

    /** The same result with its failure's detail rewritten. */
    HandshakeResult withDetail(UnaryOperator<String> rewrite) {
        return new HandshakeResult(version, suite, renegotiationInfo, chain, staple, scts, dhBits,
                failure.map(f -> new Failure(f.kind(), rewrite.apply(f.detail()))));
    }

    boolean serverHelloReceived() {
        return version.isPresent() && suite.isPresent();
    }

    String suiteName() {
        return suite.isPresent() ? CipherSuites.name(suite.getAsInt()) : "no suite";
    }

    String failureDetail() {
        return failure.map(Failure::detail).orElse("no failure");
    }
}
