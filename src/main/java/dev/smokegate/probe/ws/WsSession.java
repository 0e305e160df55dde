package dev.smokegate.probe.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.probe.ProbeContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One client of the app's WebSocket, speaking its room protocol: raw frames, or Socket.IO v4 events over the
 * WebSocket transport (Engine.IO open packet {@code 0}, namespace CONNECT {@code 40}/{@code 44}, events
 * {@code 42[...]}, the server's ping {@code 2} answered with {@code 3}).
 */
final class WsSession implements AutoCloseable {

    /** How long a join's marker may take before it is sent again. */
    private static final Duration RESEND = Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WsConnection connection;
    private final WebSocketPolicy policy;
    private final WsTranscript transcript;

    private WsSession(WsConnection connection, WebSocketPolicy policy, WsTranscript transcript) {
        this.connection = connection;
        this.policy = policy;
        this.transcript = transcript;
    }

    /** Connects as client {@code name} from {@code origin}; the handshake tells whether it worked. */
    static WsSession connect(URI url, String origin, ProbeContext context, WsTranscript transcript, String name) {
        EnvironmentConfig config = context.config();
        WebSocketPolicy policy = config.websocket();
        boolean socketIo = policy.protocol() == WebSocketPolicy.Protocol.SOCKET_IO;
        boolean credentials = config.mayCarryCredentials(url);
        Map<String, String> headers = new LinkedHashMap<>();
        if (credentials) {
            policy.authHeaders().forEach((header, value) -> headers.put(header, value.value()));
        }
        WsConnection connection = WsConnection.dial(endpoint(url, config, "websocket"), origin, headers, context,
                transcript, name, socketIo ? message -> message.equals("2") ? Optional.of("3") : Optional.empty()
                        : message -> Optional.empty());
        if (socketIo && connection.handshake().upgraded()) {
            connection = socketIoConnect(connection, credentials ? policy.socketIoAuth() : Optional.empty(),
                    config.timeouts().read());
        }
        return new WsSession(connection, policy, transcript);
    }

    /**
     * The URL the client really requests: auth query parameters added where credentials may go; for Socket.IO,
     * Engine.IO's own ({@code transport} is {@code websocket} or {@code polling}).
     */
    static URI endpoint(URI url, EnvironmentConfig config, String transport) {
        WebSocketPolicy policy = config.websocket();
        Map<String, String> query = new LinkedHashMap<>();
        if (policy.protocol() == WebSocketPolicy.Protocol.SOCKET_IO) {
            query.put("EIO", "4");
            query.put("transport", transport);
        }
        if (config.mayCarryCredentials(url)) {
            policy.authQuery().forEach((name, value) -> query.put(name, value.value()));
        }
        if (query.isEmpty()) {
            return url;
        }
        StringBuilder text = new StringBuilder(url.toString());
        text.append(url.getRawQuery() == null ? '?' : '&');
        query.forEach((name, value) -> text.append(encode(name)).append('=').append(encode(value)).append('&'));
        text.setLength(text.length() - 1);
        return URI.create(text.toString());
    }

    private static WsConnection socketIoConnect(WsConnection connection, Optional<ConfigValue> auth,
                                                Duration timeout) {
        if (connection.await(m -> m.startsWith("0"), timeout).isEmpty()) {
            return connection.withAppConnect(false, Optional.of("no Engine.IO open packet within "
                    + timeout.toMillis() + " ms"));
        }
        connection.send("40" + auth.map(ConfigValue::value).orElse(""));
        Optional<String> answer = connection.await(m -> m.startsWith("40") || m.startsWith("44"), timeout);
        if (answer.isEmpty()) {
            return connection.withAppConnect(false, Optional.of("no answer to the namespace CONNECT within "
                    + timeout.toMillis() + " ms"));
        }
        boolean accepted = answer.get().startsWith("40");
        return connection.withAppConnect(accepted, accepted ? Optional.empty()
                : Optional.of("CONNECT refused: " + answer.get().substring(2)));
    }

    WsHandshake handshake() {
        return connection.handshake();
    }

    boolean usable() {
        return connection.handshake().usable() && connection.isOpen();
    }

    /**
     * Joins {@code room} and waits until the join has taken effect, by order rather than a pause: a marker sent to the
     * room comes back once the server counts this client in it, since apps echo room messages to their sender (as
     * {@code ws.round-trip} requires) and through the same pub/sub a later message takes. The marker goes again every
     * {@link #RESEND} while none has come back, as a join completed asynchronously can miss the first.
     *
     * @return whether a marker came back within {@code timeout}
     */
    boolean joinConfirmed(String room, Duration timeout) {
        connection.send(encode(policy.join(), room, ""));
        String marker = WsProbes.unique("joined");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (usable()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            send(room, marker);
            if (awaitNonce(marker, now(), Duration.ofNanos(Math.min(left, RESEND.toNanos()))).isPresent()) {
                return true;
            }
        }
        return false;
    }

    boolean leave(String room) {
        return connection.send(encode(policy.leave(), room, ""));
    }

    boolean send(String room, String nonce) {
        return connection.send(encode(policy.send(), room, nonce));
    }

    /** How long until a message carrying {@code nonce} arrives, measured from {@code sentAtNanos}. */
    Optional<Duration> awaitNonce(String nonce, long sentAtNanos, Duration timeout) {
        return connection.await(m -> appPayload(m).map(p -> p.contains(nonce)).orElse(false), timeout)
                .map(m -> Duration.ofNanos(transcript.elapsedNanos() - sentAtNanos));
    }

    /** The replica named in the first message carrying {@code field}, e.g. a hello event. */
    Optional<String> replica(Duration timeout) {
        String field = policy.replicaField();
        return connection.await(m -> appPayload(m).flatMap(p -> find(p, field)).isPresent(), timeout)
                .flatMap(this::appPayload).flatMap(p -> find(p, field));
    }

    Optional<String> closedBy() {
        return connection.closedBy();
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    long now() {
        return transcript.elapsedNanos();
    }

    @Override
    public void close() {
        connection.close();
    }

    private String encode(String template, String room, String nonce) {
        String filled = template.replace("{room}", room).replace("{nonce}", nonce);
        return policy.protocol() == WebSocketPolicy.Protocol.SOCKET_IO ? "42" + filled : filled;
    }

    /** The app's part of a frame: for Socket.IO only event packets ({@code 42}, ack id digits skipped). */
    private Optional<String> appPayload(String frame) {
        if (policy.protocol() != WebSocketPolicy.Protocol.SOCKET_IO) {
            return Optional.of(frame);
        }
        if (!frame.startsWith("42")) {
            return Optional.empty();
        }
        int start = 2;
        while (start < frame.length() && Character.isDigit(frame.charAt(start))) {
            start++;
        }
        return Optional.of(frame.substring(start));
    }

    private static Optional<String> find(String payload, String field) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode found = node == null ? null : node.findValue(field);
            return found == null || !found.isValueNode() ? Optional.empty() : Optional.of(found.asText());
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
