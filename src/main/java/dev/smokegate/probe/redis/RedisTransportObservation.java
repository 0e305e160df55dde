package dev.smokegate.probe.redis;

import java.util.Optional;

/**
 * How Redis answers before any credentials are sent: a plaintext {@code PING} on the URL's port and, for a
 * {@code rediss://} URL, a TLS handshake verified against the URL's host and a {@code PING} over it without AUTH.
 *
 * @param where           {@code host:port} as the URL names it (with the connect-to mapping, if any)
 * @param tls             whether the URL is {@code rediss://}
 * @param plaintext       the plaintext PING's answer
 * @param tlsFailure      why no verified TLS connection came about; empty when it did or for {@code redis://}
 * @param tlsProtocol     the negotiated protocol of the verified connection ({@code TLSv1.3})
 * @param unauthenticated the answer to PING without AUTH over the verified connection: {@code +PONG} or the error
 *                        line ({@code -NOAUTH ...})
 */
public record RedisTransportObservation(String where, boolean tls, PlaintextAnswer plaintext,
                                        Optional<RedisFailure> tlsFailure, Optional<String> tlsProtocol,
                                        Optional<String> unauthenticated) {
}
