package dev.smokegate.probe.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TransportError;
import dev.smokegate.reference.net.FaultyProxy;
import dev.smokegate.reference.net.ProxyFaults;
import dev.smokegate.reference.services.Loopback;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket probes under the run's transport rules: a reset before the upgrade is retried, a timeout is shared. */
class WsTransportTest {

    private static final URI URL = URI.create("ws://rooms.faults.test/ws");
    private static final String ORIGIN = "https://app.faults.test";

    /** Accepts every upgrade and says nothing. */
    private WebSocketServer server;
    private FaultyProxy edge;

    @BeforeEach
    void startServer() throws Exception {
        server = new WebSocketServer(new InetSocketAddress(Loopback.ADDRESS, 0)) {
            @Override
            public void onOpen(WebSocket connection, ClientHandshake handshake) {
            }

            @Override
            public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            }

            @Override
            public void onMessage(WebSocket connection, String message) {
            }

            @Override
            public void onError(WebSocket connection, Exception e) {
            }

            @Override
            public void onStart() {
            }
        };
        server.setReuseAddr(true);
        server.start();
        for (int i = 0; i < 100 && server.getPort() == 0; i++) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (edge != null) {
            edge.close();
        }
        server.stop(1_000);
    }

    private ProbeContext contextThrough(ProxyFaults faults) throws Exception {
        edge = FaultyProxy.start("ws-edge", new InetSocketAddress(Loopback.ADDRESS, server.getPort()), faults);
        EnvironmentConfig config = EnvironmentConfig.builder("ws", URI.create(ORIGIN), URI.create(
                        "https://api.faults.test"))
                .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1)))
                .connectTo(new ConnectTo(List.of(new HostMapping("rooms.faults.test", 80, "127.0.0.1",
                        edge.port())))).build();
        return new ProbeContext(config, null);
    }

    @Test
    void aResetBeforeTheUpgradeIsRetriedAndRecorded() throws Exception {
        ProbeContext context = contextThrough(ProxyFaults.NONE.withResetFirst(1));

        WsConnectObservation observed = WsProbes.connect(URL, ORIGIN).probe().observe(context);

        assertThat(observed.handshake().upgraded()).as(observed.transcript()).isTrue();
        // Java-WebSocket reports a reset during the upgrade as an abnormal close, without the socket's error.
        assertThat(observed.retries()).containsExactly(TransportError.CLOSED);
        assertThat(observed.transcript()).contains("rooms.faults.test:80 (mapped to 127.0.0.1:" + edge.port()
                + ") closed the connection without answering the WebSocket upgrade");
        assertThat(edge.connections()).isEqualTo(2);
    }

    @Test
    void aSilentEdgeCostsOneTimeoutAndLaterClientsAreNotConnected() throws Exception {
        ProbeContext context = contextThrough(ProxyFaults.NONE.withBlackhole(true));

        WsConnectObservation first = WsProbes.connect(URL, ORIGIN).probe().observe(context);
        WsConnectObservation second = WsProbes.connect(URL, "https://other.faults.test").probe().observe(context);

        assertThat(first.handshake().failure()).hasValueSatisfying(f -> assertThat(f).startsWith(
                "no answer to the WebSocket upgrade within 2s from rooms.faults.test:80"));
        assertThat(second.handshake().failure()).hasValueSatisfying(f -> assertThat(f).startsWith(
                "not connected: rooms.faults.test:80 (mapped to 127.0.0.1:" + edge.port() + ") timed out earlier in "
                        + "this run (WebSocket upgrade to ws://rooms.faults.test/ws: no answer to the WebSocket "
                        + "upgrade within 2s"));
        assertThat(first.retries()).as("a silent server is not a dropped connection").isEmpty();
        assertThat(edge.connections()).isEqualTo(1);
    }
}
