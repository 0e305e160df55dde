package dev.smokegate.check.ws;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.check.cors.ForeignOrigins;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.ws.WsProbes;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The {@code ws.*} checks, in report order. */
public final class WsChecks {

    private WsChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                ws(CheckSpec.gate("ws.connect", Severity.CRITICAL,
                        "A wss:// handshake from an allowed origin gets 101 Switching Protocols (and, for "
                                + "Socket.IO, an accepted namespace CONNECT).",
                        "Make sure the backend serves the WebSocket path on its public origin (Railway routes "
                                + "upgrades to the service port; the app must listen on $PORT), that the handshake "
                                + "accepts the frontend's Origin and that auth tokens in websocket.auth are valid."),
                        (url, origin, config) -> WsProbes.connect(url, origin), WsJudges::connect),
                ws(CheckSpec.gate("ws.round-trip", Severity.HIGH,
                        "A client that joins a fresh room and sends a nonce gets it back within the latency budget.",
                        "Check the room handlers (join, then emit to the room including the sender) and the Redis "
                                + "round trip behind them; adjust websocket.join/send if the app's protocol differs."),
                        (url, origin, config) -> WsProbes.roundTrip(url, origin), WsJudges::roundTrip),
                ws(CheckSpec.gate("ws.broadcast", Severity.HIGH,
                        "A message sent to a room reaches another client in the room and no client outside it.",
                        "Emit room messages with io.to(room).emit (Socket.IO) or to the room's members only, "
                                + "never to every connected client."),
                        (url, origin, config) -> WsProbes.broadcast(url, origin), WsJudges::broadcast),
                ws(CheckSpec.gate("ws.cross-replica", Severity.HIGH,
                        "Two clients on different replicas exchange a message through a room (replicas share "
                                + "rooms); seeing only one replica warns.",
                        "Share rooms across replicas: @socket.io/redis-adapter with pub and sub clients on "
                                + "REDIS_URL, or publish room messages on Redis channels every replica subscribes "
                                + "to; Railway has no sticky sessions to hide the problem."),
                        (url, origin, config) -> WsProbes.crossReplica(url, origin), WsJudges::crossReplica),
                ws(CheckSpec.gate("ws.origin-enforced", Severity.CRITICAL,
                        "Handshakes from foreign origins (random, null, look-alikes of the allowed origin, "
                                + "http://, preview domains) get no usable socket.",
                        "Check the Origin header in the upgrade itself: Socket.IO allowRequest: (req, cb) => "
                                + "cb(null, req.headers.origin === 'https://app.example.com') (the cors option "
                                + "does not protect the WebSocket upgrade); ws: verifyClient; reject with 403."),
                        (url, origin, config) -> WsProbes.origins(url, origin, foreign(config)),
                        WsJudges::originEnforced),
                ws(CheckSpec.gate("ws.plaintext-refused", Severity.HIGH,
                        "ws:// to the same host and path does not get a working socket.",
                        "Serve WebSockets only behind TLS: let the edge redirect or refuse port 80 (Railway and "
                                + "Vercel do by default) and never expose the app's plain port."),
                        (url, origin, config) -> WsProbes.connect(plaintext(url), origin), WsJudges::plaintextRefused),
                ws(CheckSpec.gate("ws.polling-sticky-safe", Severity.HIGH,
                        "Socket.IO long-polling is off, or its follow-up requests reach the replica that holds "
                                + "the session.",
                        "With several replicas and no sticky sessions (Railway), set transports: ['websocket'] "
                                + "on server and client; otherwise enable session affinity at the balancer."),
                        (url, origin, config) -> WsProbes.socketIoPolling(url, origin), WsJudges::pollingStickySafe,
                        Set.of(WebSocketPolicy.Protocol.SOCKET_IO)),
                ws(CheckSpec.nightly("ws.keepalive", Severity.MEDIUM,
                        "An idle connection survives websocket.keepalive (default 90 s) through the server's own "
                                + "pings and still delivers afterwards.",
                        "Ping from the server more often than the shortest idle timeout on the path (Socket.IO "
                                + "pingInterval 25 s is fine; ws: ping every 30 s), and keep proxies' idle timeouts "
                                + "above it."),
                        (url, origin, config) -> WsProbes.keepalive(url, origin, config.websocket().keepalive()),
                        WsJudges::keepalive));
    }

    private static List<String> foreign(dev.smokegate.config.EnvironmentConfig config) {
        return ForeignOrigins.of(config.websocket().allowedOrigins(config), config.cors().allowPreviewOrigins())
                .stream().map(ForeignOrigins.Foreign::origin).toList();
    }

    /** The same host and path over ws://, on the default port. */
    static URI plaintext(URI url) {
        return URI.create("ws://" + url.getHost() + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/"
                : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    /** A scenario the probe plays against the app's WebSocket, from an allowed origin. */
    @FunctionalInterface
    private interface Scenario<O> {
        ProbeRequest<O> request(URI url, String origin, EnvironmentConfig config);
    }

    private static <O> Check<O> ws(CheckSpec spec, Scenario<O> scenario,
                                   BiFunction<O, EnvironmentConfig, Verdict> judge) {
        return ws(spec, scenario, judge, Set.of(WebSocketPolicy.Protocol.values()));
    }

    /**
     * A requirement on the app's WebSocket ({@code websocket.url}), judged from one scenario the probe plays against
     * it. A check that only makes sense for some protocols names them, and is skipped, with the reason, for others.
     */
    private static <O> Check<O> ws(CheckSpec spec, Scenario<O> scenario,
                                   BiFunction<O, EnvironmentConfig, Verdict> judge,
                                   Set<WebSocketPolicy.Protocol> protocols) {
        return ObservedCheck.of(spec, config -> !protocols.contains(config.websocket().protocol()) ? List.of()
                                : config.websocket().url().map(url -> List.of(new Target(Target.WEBSOCKET,
                                url.toString()))).orElse(List.<Target>of()),
                        (target, config) -> scenario.request(URI.create(target.address()),
                                config.websocket().allowedOrigins(config).get(0), config), judge)
                .withNotApplicable(config -> config.websocket().url().isEmpty() ? "no websocket.url is configured"
                        : "websocket.protocol is " + config.websocket().protocol().configName() + "; this check is "
                        + "for " + String.join(" and ", protocols.stream().map(WebSocketPolicy.Protocol::configName)
                        .sorted().toList()))
                .alsoUsing("websocket");
    }
}
