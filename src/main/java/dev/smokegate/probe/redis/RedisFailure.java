package dev.smokegate.probe.redis;

import static dev.smokegate.probe.FailureText.find;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.FailureText;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Why a Redis connection or command got no usable answer, in one line an on-call engineer can act on, and what
 * kind of failure it was: checks that judge a property of Redis cannot verify it when Redis is out of reach, but a
 * certificate Redis presents wrongly is an answer.
 */
public record RedisFailure(Kind kind, String description) {

    public enum Kind {
        /** No TCP connection: refused, timed out, unresolvable. */
        UNREACHABLE,
        /** The TLS handshake failed or the certificate did not verify; no credentials were sent. */
        TLS,
        /** Redis refused the credentials (WRONGPASS) or answered a command with an error. */
        REFUSED,
        /** The connection broke or stalled after it was open. */
        OTHER
    }

    /** {@code thrown} while talking to {@code where}, as Jedis or the socket reported it. */
    static RedisFailure of(Throwable thrown, String where, EnvironmentConfig config) {
        if (find(thrown, UnknownHostException.class).isPresent()) {
            return new RedisFailure(Kind.UNREACHABLE, "could not resolve the host of " + where);
        }
        if (find(thrown, ConnectException.class).isPresent()) {
            return new RedisFailure(Kind.UNREACHABLE, "connection refused by " + where);
        }
        if (find(thrown, ConnectTimeout.class).isPresent()) {
            return new RedisFailure(Kind.UNREACHABLE, "connection timed out after "
                    + Endpoints.seconds(config.timeouts().connect()) + " to " + where);
        }
        var tls = find(thrown, SSLException.class).<Exception>map(e -> e)
                .or(() -> find(thrown, CertificateException.class));
        if (tls.isPresent()) {
            return new RedisFailure(Kind.TLS, "TLS handshake with " + where + " failed: " + FailureText.of(tls.get()));
        }
        if (find(thrown, SocketTimeoutException.class).isPresent()) {
            return new RedisFailure(Kind.OTHER, "no answer within " + Endpoints.seconds(config.timeouts().read())
                    + " from " + where);
        }
        if (find(thrown, JedisDataException.class).isPresent()) {
            return new RedisFailure(Kind.REFUSED, where + " answered -" + find(thrown, JedisDataException.class)
                    .get().getMessage());
        }
        if (find(thrown, EOFException.class).isPresent() || String.valueOf(thrown.getMessage())
                .contains("Unexpected end of stream")) {
            return new RedisFailure(Kind.OTHER, where + " closed the connection");
        }
        return new RedisFailure(Kind.OTHER, "talking to " + where + " failed: " + FailureText.of(thrown));
    }

    /** A connect timeout, told apart from a read timeout, which is an answer's absence rather than a dead address. */
    static final class ConnectTimeout extends SocketTimeoutException {
        ConnectTimeout(String message) {
            super(message);
        }
    }
}
