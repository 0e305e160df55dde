package dev.smokegate.probe.redis;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.ProbeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * How the Redis probes reach the URL's {@code host:port}: dialled through connect-to like every probe, with the
 * run's timeouts; TLS verified (chain against the run's trust, and the URL's host name) before a byte of a command
 * is sent. Credentials go only over such a connection: {@link #authenticated} refuses a {@code redis://} URL.
 */
final class RedisDialer {

    /** The longest first line of an answer worth reading: Redis' own lines are short. */
    private static final int MAX_LINE = 512;

    private final RedisUrl url;
    private final ProbeContext context;
    private final ConnectTo.Address address;

    RedisDialer(RedisUrl url, ProbeContext context) {
        this.url = url;
        this.context = context;
        this.address = context.config().connectTo().dial(url.hostName(), url.port());
    }

    /** {@code host:port}, and the address it is mapped to when a connect-to mapping applies. */
    String where() {
        return url + address.mapping().map(m -> " (mapped to " + address + ")").orElse("");
    }

    Socket plain() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) context.config().timeouts().connect().toMillis());
            socket.setSoTimeout((int) context.config().timeouts().read().toMillis());
            return socket;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new RedisFailure.ConnectTimeout(e.getMessage());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A TLS connection whose certificate chains to the run's trust and names the URL's host; handshake done. */
    SSLSocket verifiedTls() throws IOException {
        Socket plain = plain();
        try {
            SSLSocket tls = (SSLSocket) context.trust().getSocketFactory()
                    .createSocket(plain, url.hostName(), url.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            // The JDK checks the chain only; "HTTPS" adds RFC 2818 host name (or IP address) verification.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * An open connection over verified TLS that has sent AUTH (when the URL has a password) and SELECT.
     *
     * @throws IllegalStateException for a {@code redis://} URL: its credentials would travel in plaintext
     */
    Connection authenticated() {
        if (!url.tls()) {
            throw new IllegalStateException("credentials are only sent over verified TLS");
        }
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(url.user().orElse(null))
                .password(url.password().orElse(null))
                .database(url.database())
                // The plain RESP2 handshake: AUTH, SELECT, nothing else (no HELLO, no CLIENT SETINFO).
                .autoNegotiateProtocol(false)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .connectionTimeoutMillis((int) context.config().timeouts().connect().toMillis())
                .socketTimeoutMillis((int) context.config().timeouts().read().toMillis())
                .build();
        Connection connection = new Connection(() -> {
            try {
                return verifiedTls();
            } catch (IOException e) {
                throw new JedisConnectionException(e);
            }
        }, config);
        try {
            connection.connect();
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Sends {@code PING} and reads the first line back: the Redis reply it is, or a description of what came
     * instead. Sends nothing else, so it is safe on a plaintext connection.
     */
    static PlaintextAnswer ping(Socket socket, String where) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        try {
            int b;
            while (length < MAX_LINE && (b = in.read()) >= 0) {
                line[length++] = (byte) b;
                if (length >= 2 && line[length - 2] == '\r' && line[length - 1] == '\n') {
                    break;
                }
            }
        } catch (IOException e) {
            // What arrived before a timeout or a reset is still the answer.
            if (length == 0) {
                return new PlaintextAnswer(Optional.empty(), e instanceof SocketTimeoutException
                        ? "no answer within " + Endpoints.seconds(Duration.ofMillis(socket.getSoTimeout())) + " from "
                        + where : where + (FailureText.saysReset(e) ? " reset the connection without answering"
                        : " closed the connection without answering (" + FailureText.of(e) + ")"));
            }
        }
        return answer(line, length, where);
    }

    private static PlaintextAnswer answer(byte[] line, int length, String where) {
        if (length == 0) {
            return new PlaintextAnswer(Optional.empty(), where + " closed the connection without answering");
        }
        Optional<String> reply = redisLine(line, length);
        if (reply.isPresent()) {
            return new PlaintextAnswer(reply, where + " answered " + reply.get());
        }
        return new PlaintextAnswer(Optional.empty(), where + " answered " + length + " bytes that are not Redis' "
                + "protocol" + (line[0] == 0x15 ? " (a TLS alert)" : ""));
    }

    /** A status, error or integer line of RESP, printable ASCII ending in CRLF, without the CRLF. */
    private static Optional<String> redisLine(byte[] line, int length) {
        if (length < 3 || line[length - 2] != '\r' || line[length - 1] != '\n' || "+-:".indexOf(line[0]) < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < length - 2; i++) {
            if (line[i] < 0x20 || line[i] > 0x7e) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(line, 0, length - 2, StandardCharsets.US_ASCII));
    }
}
