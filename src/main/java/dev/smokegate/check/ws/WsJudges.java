package dev.smokegate.check.ws;

import dev.smokegate.check.LatencyJudge;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Excerpt;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.ws.SocketIoPollingObservation;
import dev.smokegate.probe.ws.WsBroadcastObservation;
import dev.smokegate.probe.ws.WsConnectObservation;
import dev.smokegate.probe.ws.WsCrossReplicaObservation;
import dev.smokegate.probe.ws.WsHandshake;
import dev.smokegate.probe.ws.WsKeepaliveObservation;
import dev.smokegate.probe.ws.WsOriginObservation;
import dev.smokegate.probe.ws.WsRoundTripObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Judges of the WebSocket scenarios. */
final class WsJudges {

    private WsJudges() {
    }

    static Verdict connect(WsConnectObservation observed, EnvironmentConfig config) {
        WsHandshake handshake = observed.handshake();
        Verdict verdict = handshake.usable()
                ? Verdict.pass(handshake.url() + " from Origin " + handshake.origin() + ": " + handshake.describe()
                + " in " + handshake.elapsed().toMillis() + " ms")
                : Verdict.fail(handshake.url() + " from Origin " + handshake.origin() + ": " + handshake.describe());
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict roundTrip(WsRoundTripObservation observed, EnvironmentConfig config) {
        Verdict verdict;
        if (observed.problem().isPresent()) {
            verdict = Verdict.inconclusive("could not play the round trip: " + observed.problem().get());
        } else if (observed.latency().isEmpty()) {
            verdict = Verdict.fail("the nonce sent to a fresh room never came back within "
                    + config.timeouts().read().toMillis() + " ms (check websocket.join/send: the app must echo "
                    + "room messages to the sender)");
        } else {
            verdict = LatencyJudge.judge("joined a fresh room and got the nonce back", observed.latency().get(),
                    config.websocket().latency(), "websocket.latency");
        }
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict broadcast(WsBroadcastObservation observed, EnvironmentConfig config) {
        Verdict verdict;
        if (observed.problem().isPresent()) {
            verdict = Verdict.inconclusive("could not play the broadcast: " + observed.problem().get());
        } else if (observed.outsiderReceived()) {
            verdict = Verdict.fail("client C, in another room, received the message A sent to its room: room "
                    + "messages leak to every client (emit to the room, not to everyone)"
                    + observed.member().map(d -> "").orElse("; client B in the room did not receive it"));
        } else if (observed.member().isEmpty()) {
            verdict = Verdict.fail("client B, in the room, did not receive the message A sent within "
                    + config.timeouts().read().toMillis() + " ms");
        } else {
            verdict = Verdict.pass("B received A's room message in " + observed.member().get().toMillis()
                    + " ms; C, outside the room, did not" + (observed.outsiderOrdered()
                    ? " (it received A's next message, to its own room, which a leaked one would have preceded)"
                    : " within " + config.websocket().latency().warn().toMillis() + " ms (websocket.latency)"));
        }
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict crossReplica(WsCrossReplicaObservation observed, EnvironmentConfig config) {
        Verdict verdict;
        Set<String> seen = new LinkedHashSet<>(observed.replicas());
        seen.remove("");
        String field = config.websocket().replicaField();
        if (observed.problem().isPresent()) {
            verdict = Verdict.inconclusive("could not look for replicas: " + observed.problem().get());
        } else if (seen.isEmpty()) {
            verdict = Verdict.warn("the app named no replica (no \"" + field + "\" field in any message after "
                    + "connecting), so cross-replica delivery is unverified; send it in a hello event or set "
                    + "websocket.replica-field");
        } else if (seen.size() < 2) {
            verdict = Verdict.warn("all " + observed.replicas().size() + " connections landed on replica "
                    + seen.iterator().next() + ": only one replica is visible (a single replica, or sticky routing), "
                    + "so cross-replica delivery is unverified");
        } else {
            List<String> pair = new ArrayList<>(seen).subList(0, 2);
            verdict = observed.delivered().map(d -> Verdict.pass("a message from a client on " + pair.get(0)
                            + " reached a client on " + pair.get(1) + " in " + d.toMillis() + " ms"))
                    .orElseGet(() -> Verdict.fail("a message from a client on replica " + pair.get(0) + " never "
                            + "reached the client on replica " + pair.get(1) + " in the same room within "
                            + config.timeouts().read().toMillis() + " ms: the replicas do not share rooms (Redis "
                            + "pub/sub or @socket.io/redis-adapter)"));
        }
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict originEnforced(WsOriginObservation observed, EnvironmentConfig config) {
        Verdict verdict;
        if (!observed.control().usable()) {
            verdict = Verdict.inconclusive("the allowed origin " + observed.control().origin()
                    + " cannot connect either (" + observed.control().describe() + "), so refusals prove nothing");
        } else {
            List<String> accepted = observed.attempts().stream().filter(WsHandshake::usable)
                    .map(h -> h.origin() + " (" + h.describe() + ")").toList();
            long answered = observed.attempts().stream().filter(h -> h.status().isPresent()).count();
            if (!accepted.isEmpty()) {
                verdict = Verdict.fail("the WebSocket handshake accepts foreign origins, so any site can open a "
                        + "socket with the user's cookies (cross-site WebSocket hijacking): "
                        + String.join(", ", accepted));
            } else if (answered == 0) {
                verdict = Verdict.inconclusive("no foreign-origin handshake got any answer: "
                        + observed.attempts().get(0).describe());
            } else {
                verdict = Verdict.pass("all " + observed.attempts().size() + " foreign origins were refused ("
                        + observed.attempts().get(0).origin() + ": " + observed.attempts().get(0).describe() + ")");
            }
        }
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict plaintextRefused(WsConnectObservation observed, EnvironmentConfig config) {
        WsHandshake plain = observed.handshake();
        Verdict verdict = plain.upgraded()
                ? Verdict.fail(plain.url() + " upgraded without TLS (" + plain.describe() + "): messages and "
                + "session tokens would travel in clear; refuse or redirect ws:// at the edge")
                : Verdict.pass(plain.url() + " gives no socket: " + plain.describe());
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    static Verdict pollingStickySafe(SocketIoPollingObservation observed, EnvironmentConfig config) {
        List<Evidence> evidence = new ArrayList<>(observed.handshake().evidence());
        observed.followUps().forEach(f -> evidence.addAll(f.evidence()));
        Optional<HttpExchange> handshake = observed.handshake().exchange();
        Verdict verdict;
        if (handshake.isEmpty()) {
            verdict = Verdict.inconclusive("no answer to the polling handshake: "
                    + observed.handshake().failure().orElse("no response"));
        } else if (observed.sid().isEmpty()) {
            verdict = Verdict.pass("long-polling is off (the polling handshake answered HTTP "
                    + handshake.get().status() + " " + abbreviate(handshake.get().body())
                    + "), so every client stays on its WebSocket's replica");
        } else {
            List<HttpObservation> lost = observed.followUps().stream().filter(WsJudges::sessionUnknown).toList();
            long unanswered = observed.followUps().stream().filter(f -> f.exchange().isEmpty()).count();
            if (!lost.isEmpty()) {
                verdict = Verdict.fail(lost.size() + " of " + observed.followUps().size() + " follow-up polls for "
                        + "session " + observed.sid().get() + " reached a replica that does not know it (HTTP 400 "
                        + "Session ID unknown): long-polling is on behind replicas without sticky sessions; use "
                        + "transports: ['websocket'] or enable affinity");
            } else if (unanswered > 0) {
                verdict = Verdict.inconclusive(unanswered + " follow-up polls got no answer");
            } else {
                verdict = Verdict.pass("long-polling is on and all " + observed.followUps().size()
                        + " follow-up polls reached the session's replica");
            }
        }
        return verdict.withEvidence(evidence);
    }

    static Verdict keepalive(WsKeepaliveObservation observed, EnvironmentConfig config) {
        long idle = observed.idle().toSeconds();
        Verdict verdict;
        if (observed.problem().isPresent()) {
            verdict = Verdict.inconclusive("could not open the connection to keep idle: " + observed.problem().get());
        } else if (!observed.survived()) {
            verdict = Verdict.fail("the idle connection did not survive " + idle + " s ("
                    + observed.closedBy().orElse("closed") + "): the server's pings do not beat the proxy's idle "
                    + "timeout; ping more often (Socket.IO pingInterval, ws ping) than the shortest idle timeout");
        } else if (observed.roundTripAfter().isEmpty()) {
            verdict = Verdict.fail("the connection stayed open for " + idle + " s but no longer delivered a room "
                    + "message afterwards");
        } else {
            verdict = Verdict.pass("idle for " + idle + " s and still delivering (round trip "
                    + observed.roundTripAfter().get().toMillis() + " ms afterwards)");
        }
        return verdict.withEvidence(transcript(observed.transcript()));
    }

    private static boolean sessionUnknown(HttpObservation observation) {
        return observation.exchange().filter(e -> e.status() == 400 && e.body().contains("Session ID unknown"))
                .isPresent();
    }

    private static String abbreviate(String body) {
        String line = body.replace('\n', ' ').trim();
        return Excerpt.of(line, 80);
    }

    private static List<Evidence> transcript(String transcript) {
        return List.of(Evidence.text("WebSocket frames", transcript));
    }
}
