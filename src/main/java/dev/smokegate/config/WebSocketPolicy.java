package dev.smokegate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the app speaks over its WebSocket ({@code websocket.url}) and what the {@code ws.*} checks may do with it.
 * Templates are the app's own messages with {@code {room}} and {@code {nonce}} placeholders; for Socket.IO a
 * template is the event array ({@code ["join","{room}"]}), sent as {@code 42[...]}.
 *
 * @param allowedOrigins  origins the handshake must accept, the first one sent on every allowed handshake; empty
 *                        means the frontend's origin
 * @param replicaField    JSON key, in any message the server sends after connecting, naming the replica
 * @param maxConnections  how many connections {@code ws.cross-replica} may open looking for a second replica
 * @param keepalive       how long {@code ws.keepalive} keeps a connection idle
 * @param latency         the budget for a message's round trip
 * @param authHeaders     extra handshake headers (Cookie, Authorization), usually {@code ${VAR}} references
 * @param authQuery       query parameters added to the handshake URL (a token)
 * @param socketIoAuth    the Socket.IO CONNECT payload, a JSON object
 */
public record WebSocketPolicy(Protocol protocol, List<URI> allowedOrigins, String join, String send, String leave,
                              String replicaField, int maxConnections, Duration keepalive, Duration latency,
                              Map<String, ConfigValue> authHeaders, Map<String, ConfigValue> authQuery,
                              Optional<ConfigValue> socketIoAuth) {

    public enum Protocol {
        RAW("{\"type\":\"join\",\"room\":\"{room}\"}",
                "{\"type\":\"message\",\"room\":\"{room}\",\"body\":\"{nonce}\"}",
                "{\"type\":\"leave\",\"room\":\"{room}\"}"),
        SOCKET_IO("[\"join\",\"{room}\"]", "[\"message\",{\"room\":\"{room}\",\"body\":\"{nonce}\"}]",
                "[\"leave\",\"{room}\"]");

        private final String join;
        private final String send;
        private final String leave;

        Protocol(String join, String send, String leave) {
            this.join = join;
            this.send = send;
            this.leave = leave;
        }

        public String configName() {
            return this == RAW ? "raw" : "socket.io";
        }
    }

    public static final WebSocketPolicy DEFAULTS = defaults(Protocol.RAW);

    public WebSocketPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
        authHeaders = Map.copyOf(authHeaders);
        authQuery = Map.copyOf(authQuery);
    }

    /** The conventional join/message/leave protocol of {@code protocol}, with the reference's replica field. */
    public static WebSocketPolicy defaults(Protocol protocol) {
        return new WebSocketPolicy(protocol, List.of(), protocol.join, protocol.send, protocol.leave, "replica", 8,
                Duration.ofSeconds(90), Duration.ofMillis(1500), Map.of(), Map.of(), Optional.empty());
    }

    /** The origins as browsers send them; the frontend's when none are configured. */
    public List<String> allowedOrigins(EnvironmentConfig config) {
        return CorsPolicy.originsOrFrontend(allowedOrigins, config);
    }

    public List<ConfigValue> values() {
        List<ConfigValue> values = new java.util.ArrayList<>(authHeaders.values());
        values.addAll(authQuery.values());
        socketIoAuth.ifPresent(values::add);
        return values;
    }
}
