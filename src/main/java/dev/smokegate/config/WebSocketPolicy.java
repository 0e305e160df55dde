package dev.smokegate.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the app's WebSocket is, how the app speaks over it and what the {@code ws.*} checks may do with it.
 * Templates are the app's own messages with {@code {room}} and {@code {nonce}} placeholders; for Socket.IO a
 * template is the event array ({@code ["join","{room}"]}), sent as {@code 42[...]}.
 *
 * @param url             {@code wss://api.example.com/ws}; empty skips the {@code ws.*} checks
 * @param allowedOrigins  origins the handshake must accept, the first one sent on every allowed handshake; empty
 *                        means the frontend's origin
 * @param replicaField    JSON key, in any message the server sends after connecting, naming the replica
 * @param maxConnections  how many connections {@code ws.cross-replica} may open looking for a second replica
 * @param keepalive       how long {@code ws.keepalive} keeps a connection idle
 * @param latency         the budget for a message's round trip (warn level default 1500 ms, fail level 5 s)
 * @param authHeaders     extra handshake headers (Cookie, Authorization), usually {@code ${VAR}} references
 * @param authQuery       query parameters added to the handshake URL (a token)
 * @param socketIoAuth    the Socket.IO CONNECT payload, a JSON object
 */
public record WebSocketPolicy(Optional<URI> url, Protocol protocol, List<URI> allowedOrigins, String join, String send,
                              String leave, String replicaField, int maxConnections, Duration keepalive,
                              LatencyBudget latency,
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

        static Optional<Protocol> named(String name) {
            return Arrays.stream(values()).filter(p -> p.configName().equals(name.trim())).findFirst();
        }
    }

    public static final WebSocketPolicy DEFAULTS = defaults(Protocol.RAW);

    public WebSocketPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
        authHeaders = Map.copyOf(authHeaders);
        authQuery = Map.copyOf(authQuery);
    }

    /**
     * No WebSocket configured, with the conventional join/message/leave protocol of {@code protocol} and the
     * reference's replica field.
     */
    public static WebSocketPolicy defaults(Protocol protocol) {
        return new WebSocketPolicy(Optional.empty(), protocol, List.of(), protocol.join, protocol.send, protocol.leave,
                "replica", 8, Duration.ofSeconds(90), LatencyBudget.warnOver(Duration.ofMillis(1500),
                Thresholds.DEFAULT_FAIL), Map.of(), Map.of(), Optional.empty());
    }

    /** This policy for the WebSocket at {@code url}. */
    public WebSocketPolicy at(URI url) {
        return new WebSocketPolicy(Optional.of(url), protocol, allowedOrigins, join, send, leave, replicaField,
                maxConnections, keepalive, latency, authHeaders, authQuery, socketIoAuth);
    }

    static WebSocketPolicy read(YamlNode ws) {
        Optional<URI> url = ws.parsed("url", u -> YamlNode.parseUrl(u, Set.of("ws", "wss")),
                "not a valid URL (expected wss:// with a host)");
        // The handshake carries the configured credentials: never send them where anyone on the path can read them.
        url.filter(u -> u.getScheme().equalsIgnoreCase("ws")).ifPresent(u -> ws.problem(ws.key("url"),
                "must be wss://: a plaintext WebSocket would carry the session in the clear, found \"" + u + "\""));
        Protocol protocol = ws.parsed("protocol", Protocol::named, "expected raw or socket.io").orElse(Protocol.RAW);
        WebSocketPolicy d = defaults(protocol);
        Auth auth = ws.section("auth", Auth::read).orElse(Auth.NONE);
        int maxConnections = ws.parsed("max-connections", text -> Optional.of(text.trim())
                .filter(t -> t.matches("\\d{1,2}")).map(Integer::parseInt).filter(n -> n >= 2),
                "expected a whole number from 2 to 99").orElse(d.maxConnections);
        return new WebSocketPolicy(url, protocol, ws.origins("allowed-origins", Set.of("http", "https")),
                template(ws, "join", d.join), template(ws, "send", d.send), template(ws, "leave", d.leave),
                ws.string("replica-field").map(String::trim).orElse(d.replicaField), maxConnections,
                ws.duration("keepalive").orElse(d.keepalive), LatencyBudget.read(ws, "latency", d.latency).orElse(d.latency),
                auth.headers, auth.query, auth.socketIo);
    }

    /** {@code websocket.auth}: what a client presents on the handshake. */
    private record Auth(Map<String, ConfigValue> headers, Map<String, ConfigValue> query,
                        Optional<ConfigValue> socketIo) {

        static final Auth NONE = new Auth(Map.of(), Map.of(), Optional.empty());

        static Auth read(YamlNode auth) {
            return new Auth(auth.expandedMap("headers"), auth.expandedMap("query"), auth.expanded("socket-io"));
        }
    }

    /** A message template must name its room, and the send template its nonce, or no message could be recognised. */
    private static String template(YamlNode ws, String name, String fallback) {
        Optional<String> text = ws.string(name);
        if (text.isEmpty()) {
            return fallback;
        }
        boolean needsNonce = name.equals("send");
        if (!text.get().contains("{room}") || (needsNonce && !text.get().contains("{nonce}"))) {
            ws.problem(ws.key(name), "must contain {room}" + (needsNonce ? " and {nonce}" : "") + ", found \""
                    + text.get() + "\"");
        }
        return text.get();
    }

    /** The origins as browsers send them; the frontend's when none are configured. */
    public List<String> allowedOrigins(EnvironmentConfig config) {
        return CorsPolicy.originsOrFrontend(allowedOrigins, config);
    }
}
