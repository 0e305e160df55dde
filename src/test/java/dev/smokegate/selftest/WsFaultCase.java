package dev.smokegate.selftest;

import dev.smokegate.reference.ws.WsFault;
import dev.smokegate.reference.ws.WsVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the WebSocket fault matrix: a fault in one variant's cluster, the checks that must fail (each with a
 * fragment of its message) and the checks that cannot verify without a socket. Nothing else may fail or warn.
 */
record WsFaultCase(WsVariant variant, WsFault fault, Map<String, String> failing, Set<String> broken) {

    /** Scenario checks that need a socket; without one they are "could not verify", not failed. */
    private static final Set<String> NEED_A_SOCKET = Set.of("ws.round-trip", "ws.broadcast", "ws.cross-replica",
            "ws.origin-enforced");

    static final List<WsFaultCase> ALL = all();

    private static List<WsFaultCase> all() {
        List<WsFaultCase> cases = new ArrayList<>();
        for (WsVariant variant : WsVariant.values()) {
            boolean socketIo = variant == WsVariant.SOCKET_IO;
            cases.add(new WsFaultCase(variant, WsFault.REPLICAS_NOT_SHARING_REDIS,
                    Map.of("ws.cross-replica", "never reached the client on replica"), Set.of()));
            cases.add(new WsFaultCase(variant, WsFault.ORIGIN_NOT_CHECKED,
                    Map.of("ws.origin-enforced", "cross-site WebSocket hijacking"), Set.of()));
            cases.add(new WsFaultCase(variant, WsFault.PLAINTEXT_SERVED,
                    Map.of("ws.plaintext-refused", "upgraded without TLS"), Set.of()));
            Set<String> broken = new java.util.HashSet<>(NEED_A_SOCKET);
            if (socketIo) {
                broken.add("ws.polling-sticky-safe");
            }
            cases.add(new WsFaultCase(variant, WsFault.NEVER_ANSWERS,
                    Map.of("ws.connect", "no TLS handshake within"), Set.copyOf(broken)));
            cases.add(new WsFaultCase(variant, WsFault.DROPS_IDLE_AFTER_5S,
                    Map.of("ws.keepalive", "did not survive"), Set.of()));
            cases.add(new WsFaultCase(variant, WsFault.BROADCAST_OUTSIDE_ROOM,
                    Map.of("ws.broadcast", "client C, in another room, received"), Set.of()));
            cases.add(new WsFaultCase(variant, WsFault.SLOW_MESSAGES,
                    Map.of("ws.round-trip", "over the latency fail level of 1000 ms (websocket.latency)"),
                    Set.of()));
            if (socketIo) {
                cases.add(new WsFaultCase(variant, WsFault.POLLING_WITHOUT_STICKINESS,
                        Map.of("ws.polling-sticky-safe", "Session ID unknown"), Set.of()));
            }
        }
        return List.copyOf(cases);
    }

    /** Only the idle fault needs the keepalive scenario; the other rows leave it out and save its idle wait. */
    boolean needsKeepalive() {
        return fault == WsFault.DROPS_IDLE_AFTER_5S;
    }

    @Override
    public String toString() {
        return variant + " " + fault;
    }
}
