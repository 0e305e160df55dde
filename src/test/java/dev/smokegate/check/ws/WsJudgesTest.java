package dev.smokegate.check.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebSocketPolicy;
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
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WsJudgesTest {

    private static final URI URL = URI.create("wss://api.example.com/ws");
    private static final String ALLOWED = "https://app.example.com";
    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create(ALLOWED), URI.create("https://api.example.com")).websocket(WebSocketPolicy.DEFAULTS.at(URL)).build();

    private static WsHandshake upgraded(String origin) {
        return new WsHandshake(URL, origin, Optional.of(101), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofMillis(30), List.of());
    }

    private static WsHandshake refused(String origin, int status) {
        return new WsHandshake(URL, origin, Optional.of(status), Optional.empty(), Optional.of("Forbidden"),
                Optional.empty(), Duration.ofMillis(30), List.of());
    }

    private static WsHandshake silent(String origin) {
        return new WsHandshake(URL, origin, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("no TLS handshake within 3s from api.example.com:443"), Duration.ofSeconds(3), List.of());
    }

    @Test
    void connectPassesOn101AndFailsNamingWhatCameBack() {
        assertThat(WsJudges.connect(new WsConnectObservation(upgraded(ALLOWED), ""), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
        Verdict down = WsJudges.connect(new WsConnectObservation(silent(ALLOWED), ""), CONFIG);
        assertThat(down.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(down.message()).contains("wss://api.example.com/ws", "no TLS handshake within 3s");
    }

    @Test
    void connectFailsWhenSocketIoRefusesTheNamespace() {
        WsHandshake refusedConnect = new WsHandshake(URL, ALLOWED, Optional.of(101), Optional.of(false),
                Optional.of("CONNECT refused: {\"message\":\"unauthorized\"}"), Optional.empty(), Duration.ZERO, List.of());
        assertThat(WsJudges.connect(new WsConnectObservation(refusedConnect, ""), CONFIG).message())
                .contains("Socket.IO CONNECT refused", "unauthorized");
    }

    @Test
    void roundTripFailsOverBudgetOrWithoutEchoAndIsInconclusiveWithoutSocket() {
        Verdict slow = WsJudges.roundTrip(new WsRoundTripObservation(upgraded(ALLOWED),
                Optional.of(Duration.ofMillis(2600)), Optional.empty(), ""), CONFIG);
        assertThat(slow.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(slow.message()).contains("2600 ms, slower than the warn level of 1500 ms");
        Verdict tooSlow = WsJudges.roundTrip(new WsRoundTripObservation(upgraded(ALLOWED),
                Optional.of(Duration.ofMillis(5200)), Optional.empty(), ""), CONFIG);
        assertThat(tooSlow.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(tooSlow.message()).contains("5200 ms, over the latency fail level of 5000 ms (websocket.latency)");

        assertThat(WsJudges.roundTrip(new WsRoundTripObservation(upgraded(ALLOWED), Optional.empty(),
                Optional.empty(), ""), CONFIG).message()).contains("never came back");
        assertThat(WsJudges.roundTrip(new WsRoundTripObservation(silent(ALLOWED), Optional.empty(),
                Optional.of("no usable socket"), ""), CONFIG).status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(WsJudges.roundTrip(new WsRoundTripObservation(upgraded(ALLOWED),
                Optional.of(Duration.ofMillis(40)), Optional.empty(), ""), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void broadcastFailsWhenAnOutsiderReceivesOrAMemberDoesNot() {
        List<WsHandshake> three = List.of(upgraded(ALLOWED), upgraded(ALLOWED), upgraded(ALLOWED));
        assertThat(WsJudges.broadcast(new WsBroadcastObservation(three, Optional.of(Duration.ofMillis(20)), true,
                true, Optional.empty(), ""), CONFIG).message()).contains("client C, in another room, received");
        assertThat(WsJudges.broadcast(new WsBroadcastObservation(three, Optional.empty(), false, true,
                Optional.empty(), ""), CONFIG).message()).contains("client B, in the room, did not receive");
        assertThat(WsJudges.broadcast(new WsBroadcastObservation(three, Optional.of(Duration.ofMillis(20)), false,
                true, Optional.empty(), ""), CONFIG).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void broadcastSaysHowTheOutsidersSilenceWasShown() {
        List<WsHandshake> three = List.of(upgraded(ALLOWED), upgraded(ALLOWED), upgraded(ALLOWED));
        assertThat(WsJudges.broadcast(new WsBroadcastObservation(three, Optional.of(Duration.ofMillis(20)), false,
                true, Optional.empty(), ""), CONFIG).message()).contains("it received A's next message, to its "
                + "own room, which a leaked one would have preceded");
        assertThat(WsJudges.broadcast(new WsBroadcastObservation(three, Optional.of(Duration.ofMillis(20)), false,
                false, Optional.empty(), ""), CONFIG).message()).contains("did not within 1500 ms (websocket.latency)");
    }

    @Test
    void crossReplicaWarnsWhenOnlyOneReplicaOrNoneIsNamedAndFailsWhenDeliveryIsLost() {
        List<WsHandshake> some = List.of(upgraded(ALLOWED), upgraded(ALLOWED));
        Verdict one = WsJudges.crossReplica(new WsCrossReplicaObservation(some, List.of("r1", "r1", "r1"),
                Optional.empty(), Optional.empty(), ""), CONFIG);
        assertThat(one.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(one.message()).contains("all 3 connections landed on replica r1");

        Verdict none = WsJudges.crossReplica(new WsCrossReplicaObservation(some, List.of(""), Optional.empty(),
                Optional.empty(), ""), CONFIG);
        assertThat(none.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(none.message()).contains("no \"replica\" field");

        Verdict lost = WsJudges.crossReplica(new WsCrossReplicaObservation(some, List.of("r1", "r2"),
                Optional.empty(), Optional.empty(), ""), CONFIG);
        assertThat(lost.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(lost.message()).contains("replica r1 never reached the client on replica r2");

        assertThat(WsJudges.crossReplica(new WsCrossReplicaObservation(some, List.of("r1", "r2"),
                Optional.of(Duration.ofMillis(9)), Optional.empty(), ""), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void originEnforcedFailsOnAnyAcceptedForeignOriginAndNeedsTheControlToConnect() {
        Verdict hijackable = WsJudges.originEnforced(new WsOriginObservation(upgraded(ALLOWED),
                List.of(refused("null", 403), upgraded("https://evil.example.net")), ""), CONFIG);
        assertThat(hijackable.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(hijackable.message()).contains("cross-site WebSocket hijacking", "https://evil.example.net");

        assertThat(WsJudges.originEnforced(new WsOriginObservation(upgraded(ALLOWED),
                List.of(refused("null", 403)), ""), CONFIG).status()).isEqualTo(Verdict.Status.PASS);
        assertThat(WsJudges.originEnforced(new WsOriginObservation(silent(ALLOWED),
                List.of(silent("null")), ""), CONFIG).status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    }

    @Test
    void originEnforcedCountsARefusedSocketIoConnectAsARefusal() {
        WsHandshake upgradedButRefused = new WsHandshake(URL, "null", Optional.of(101), Optional.of(false),
                Optional.of("CONNECT refused"), Optional.empty(), Duration.ZERO, List.of());
        assertThat(WsJudges.originEnforced(new WsOriginObservation(upgraded(ALLOWED),
                List.of(upgradedButRefused), ""), CONFIG).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void plaintextFailsOnlyWhenWsUpgrades() {
        URI plain = URI.create("ws://api.example.com/ws");
        WsHandshake redirected = new WsHandshake(plain, ALLOWED, Optional.of(308), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ZERO, List.of());
        WsHandshake served = new WsHandshake(plain, ALLOWED, Optional.of(101), Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ZERO, List.of());
        assertThat(WsJudges.plaintextRefused(new WsConnectObservation(redirected, ""), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(WsJudges.plaintextRefused(new WsConnectObservation(served, ""), CONFIG).message())
                .contains("ws://api.example.com/ws upgraded without TLS");
    }

    private static HttpObservation poll(int status, String body) {
        return HttpObservation.answered(new HttpExchange("GET", URI.create("https://api.example.com/socket.io/"),
                List.of(), status, "", List.of(), body, false, Duration.ofMillis(5)));
    }

    @Test
    void pollingFailsWhenFollowUpsHitAReplicaWithoutTheSession() {
        Verdict lost = WsJudges.pollingStickySafe(new SocketIoPollingObservation(poll(200, "0{\"sid\":\"abc\"}"),
                Optional.of("abc"), List.of(poll(200, "ok"), poll(400, "{\"code\":1,\"message\":\"Session ID "
                + "unknown\"}"))), CONFIG);
        assertThat(lost.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(lost.message()).contains("1 of 2 follow-up polls for session abc", "Session ID unknown");

        assertThat(WsJudges.pollingStickySafe(new SocketIoPollingObservation(poll(400,
                "{\"code\":0,\"message\":\"Transport unknown\"}"), Optional.empty(), List.of()), CONFIG).message())
                .contains("long-polling is off");
        assertThat(WsJudges.pollingStickySafe(new SocketIoPollingObservation(poll(200, "0{\"sid\":\"abc\"}"),
                Optional.of("abc"), List.of(poll(200, "ok"), poll(200, "40"))), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void keepaliveFailsWhenTheIdleConnectionIsCut() {
        Verdict cut = WsJudges.keepalive(new WsKeepaliveObservation(upgraded(ALLOWED), Duration.ofSeconds(90), false,
                Optional.of("closed with code 1006"), Optional.empty(), Optional.empty(), ""), CONFIG);
        assertThat(cut.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(cut.message()).contains("did not survive 90 s (closed with code 1006)");
        assertThat(WsJudges.keepalive(new WsKeepaliveObservation(upgraded(ALLOWED), Duration.ofSeconds(90), true,
                Optional.empty(), Optional.of(Duration.ofMillis(30)), Optional.empty(), ""), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void plaintextTwinKeepsHostPathAndQuery() {
        assertThat(WsChecks.plaintext(URI.create("wss://api.example.com:8443/socket.io/?x=1")))
                .isEqualTo(URI.create("ws://api.example.com/socket.io/?x=1"));
    }
}
