package dev.smokegate.reference.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.CertificateFiles;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.services.Loopback;
import dev.smokegate.reference.services.RedisEndpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw-WebSocket rooms cluster of a real reference deployment, reached through its balancer the way smokegate
 * reaches production: healthy, then broken by each fault and healed. One deployment for the class; the test that
 * closes the cluster runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExternalProcesses
class RawRoomClusterTest {

    private static final String HOST = WsVariant.RAW.host();
    private static final String ORIGIN = "https://app.smokegate.test";
    private static final Optional<String> ALLOWED = Optional.of(ORIGIN);
    private static final Optional<String> FOREIGN = Optional.of("https://evil.example");
    /** The idle cut of {@link WsFault#DROPS_IDLE_AFTER_5S}. */
    private static final Duration IDLE_CUT = Duration.ofSeconds(5);
    /**
     * How long to wait for what a broken cluster never does (ping, cut an idle connection): far beyond the 2 s ping
     * interval and the 5 s idle cut, so only the broken cluster ever waits it out.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ReferenceDeployment deployment;
    private static WsCluster cluster;
    private static SSLContext trust;
    private static int tlsPort;
    private static int plainPort;

    private final List<RawRoomClient> clients = new ArrayList<>();

    @BeforeAll
    static void startDeployment() throws IOException, GeneralSecurityException {
        deployment = ReferenceDeployment.start();
        cluster = deployment.webSockets(WsVariant.RAW);
        trust = TlsContexts.trustingOnly(CertificateFiles.read(deployment.caCertificateFile()).get(0));
        tlsPort = mappedPort(cluster, 443);
        plainPort = mappedPort(cluster, 80);
    }

    @AfterEach
    void healAndDisconnect() throws IOException {
        clients.forEach(RawRoomClient::close);
        cluster.heal();
    }

    @AfterAll
    static void closeDeployment() {
        if (deployment != null) {
            deployment.close();
        }
    }

    // ---- healthy

    @Test
    void describesItselfAsTwoInJvmReplicasBehindTwoMappedPorts() {
        assertThat(cluster.host()).isEqualTo(HOST);
        assertThat(cluster.url()).isEqualTo(URI.create("wss://rooms.smokegate.test/ws"));
        assertThat(cluster.replicas()).isEqualTo(2);
        assertThat(cluster.processes()).isEmpty();
        assertThat(cluster.connectTo()).containsExactly(
                HOST + ":443 -> 127.0.0.1:" + tlsPort, HOST + ":80 -> 127.0.0.1:" + plainPort);
    }

    @Test
    void helloNamesAReplicaAndConsecutiveConnectionsLandOnDifferentReplicas() throws Exception {
        RawRoomClient first = connect();
        RawRoomClient second = connect();

        assertThat(first.replica()).isIn("rooms-1", "rooms-2");
        assertThat(second.replica()).isIn("rooms-1", "rooms-2").isNotEqualTo(first.replica());
    }

    @Test
    void aRoomMessageReachesItsMembersOnBothReplicasAndNobodyElse() throws Exception {
        RawRoomClient sender = connect();
        RawRoomClient member = connect();
        RawRoomClient outsider = connect();
        sender.join("lobby");
        member.join("lobby");
        outsider.join("kitchen");

        sender.say("lobby", "hi");

        assertThat(member.replica()).isNotEqualTo(sender.replica());
        assertThat(sender.next()).isEqualTo(RawRoomClient.message("lobby", "hi"));
        assertThat(member.next()).isEqualTo(RawRoomClient.message("lobby", "hi"));
        assertNothingEarlierReaches(outsider, sender, "kitchen");
    }

    @Test
    void leavingStopsDeliveryAndMalformedFramesGetAnErrorWithoutDisconnecting() throws Exception {
        RawRoomClient client = connect();
        client.join("lobby");
        client.leave("lobby");
        client.join("kitchen");

        client.send("{not json");
        assertThat(client.next().path("type").asText()).isEqualTo("error");
        client.send("{\"type\":\"dance\",\"room\":\"lobby\"}");
        JsonNode unknown = client.next();
        assertThat(unknown.path("type").asText()).isEqualTo("error");
        assertThat(unknown.path("error").asText()).isEqualTo("unknown type: dance");

        RawRoomClient other = connect();
        other.join("lobby");
        other.say("lobby", "anyone?");
        assertThat(other.next()).isEqualTo(RawRoomClient.message("lobby", "anyone?"));
        assertNothingEarlierReaches(client, other, "kitchen");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void onlyTheAllowedOriginUpgradesAndOnlyOnWs() throws Exception {
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", ALLOWED)).startsWith("HTTP/1.1 101 ");
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", FOREIGN)).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", Optional.empty()))
                .isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/chat", ALLOWED))
                .isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(RawRoomClient.tls(HOST, tlsPort, trust, FOREIGN)).isEmpty();
    }

    @Test
    void port80RedirectsToHttpsAndNeverUpgrades() throws IOException {
        assertThat(RawRoomHandshake.plain(HOST, plainPort, "/ws", ALLOWED)).startsWith("HTTP/1.1 308");
    }

    @Test
    void anIdleConnectionIsKeptOpenByTheServersPings() throws Exception {
        RawRoomClient idle = connect();

        // On each 2 s beat the server closes a connection whose last pong is over 3 s old, then pings the rest: three
        // pings and a round trip after them show an idle connection kept open by pings alone, with no time window.
        assertThat(idle.pingedWithin(3, PATIENCE)).as("pinged three times").isTrue();
        idle.join("lobby");
    }

    @Test
    void roomsKeepWorkingAcrossARedisRestart() throws Exception {
        RawRoomClient sender = connect();
        RawRoomClient member = connect();
        sender.join("lobby");
        member.join("lobby");
        // Both replicas now hold a pooled publishing connection, which the restart breaks.
        for (RawRoomClient client : List.of(sender, member)) {
            client.say("lobby", "before");
            assertThat(sender.next()).isEqualTo(RawRoomClient.message("lobby", "before"));
            assertThat(member.next()).isEqualTo(RawRoomClient.message("lobby", "before"));
        }

        deployment.inject(Fault.REDIS_STOPPED);
        sender.say("lobby", "lost");
        assertThat(sender.next().path("type").asText()).isEqualTo("error");

        deployment.heal();
        member.say("lobby", "back");
        assertThat(sender.next()).isEqualTo(RawRoomClient.message("lobby", "back"));
        assertThat(member.next()).isEqualTo(RawRoomClient.message("lobby", "back"));
    }

    // ---- faults

    @Test
    void replicasNotSharingRedisDeliverOnlyToTheirOwnMembers() throws Exception {
        RawRoomClient sender = connect();
        RawRoomClient remote = connect();
        RawRoomClient local = connectTo(sender.replica());
        for (RawRoomClient client : List.of(sender, remote, local)) {
            client.join("lobby");
        }

        cluster.inject(WsFault.REPLICAS_NOT_SHARING_REDIS);
        sender.say("lobby", "local only");

        assertThat(sender.next()).isEqualTo(RawRoomClient.message("lobby", "local only"));
        assertThat(local.next()).isEqualTo(RawRoomClient.message("lobby", "local only"));

        cluster.heal();
        sender.say("lobby", "shared again");
        // Had "local only" crossed Redis, it would have come first the same way: it never reached the other replica.
        assertThat(remote.next()).isEqualTo(RawRoomClient.message("lobby", "shared again"));
    }

    @Test
    void originNotCheckedUpgradesAnyOrigin() throws Exception {
        cluster.inject(WsFault.ORIGIN_NOT_CHECKED);

        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", FOREIGN)).startsWith("HTTP/1.1 101 ");
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", Optional.empty())).startsWith("HTTP/1.1 101 ");
        assertThat(RawRoomClient.tls(HOST, tlsPort, trust, FOREIGN)).hasValueSatisfying(clients::add);

        cluster.heal();
        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", FOREIGN)).isEqualTo("HTTP/1.1 403 Forbidden");
    }

    @Test
    void plaintextServedUpgradesWsOnPort80() throws Exception {
        cluster.inject(WsFault.PLAINTEXT_SERVED);

        RawRoomClient plaintext = RawRoomClient.plain(HOST, plainPort, ALLOWED).orElseThrow();
        clients.add(plaintext);
        assertThat(plaintext.replica()).isIn("rooms-1", "rooms-2");
        RawRoomClient secure = connect();
        plaintext.join("lobby");
        secure.join("lobby");
        secure.say("lobby", "in the clear");
        assertThat(plaintext.next()).isEqualTo(RawRoomClient.message("lobby", "in the clear"));
        assertThat(RawRoomHandshake.plain(HOST, plainPort, "/ws", FOREIGN)).isEqualTo("HTTP/1.1 403 Forbidden");

        cluster.heal();
        assertThat(RawRoomHandshake.plain(HOST, plainPort, "/ws", ALLOWED)).startsWith("HTTP/1.1 308");
        assertThat(plaintext.closesWithin(RawRoomClient.TIMEOUT)).isTrue();
    }

    @Test
    void neverAnswersAcceptsTheConnectionAndStaysSilent() throws Exception {
        cluster.inject(WsFault.NEVER_ANSWERS);

        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(Loopback.ADDRESS, tlsPort), 1000);
            tcp.setSoTimeout(1000);
            SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(tcp, HOST, 443, true);
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SocketTimeoutException.class);
        }

        cluster.heal();
        connect();
    }

    @Test
    void dropsIdleAfter5sCutsAnIdleConnectionAfterFiveSeconds() throws Exception {
        cluster.inject(WsFault.DROPS_IDLE_AFTER_5S);
        long beforeConnecting = System.nanoTime();
        RawRoomClient idle = connect();

        assertThat(idle.closesWithin(PATIENCE)).as("cut").isTrue();
        // Every byte of the connection passed after beforeConnecting, and the cut comes no sooner than 5 s after the
        // last one, so this lower bound holds however slow the machine. (That the cut lands inside the ws.keepalive
        // probe's idle wait is WsFaultMatrixTest's to show.)
        assertThat(Duration.ofNanos(System.nanoTime() - beforeConnecting)).as("idle for the whole cut")
                .isGreaterThan(IDLE_CUT);
        assertThat(idle.pings()).isZero();
    }

    @Test
    void broadcastOutsideRoomReachesEveryClientOfEveryReplica() throws Exception {
        RawRoomClient sender = connect();
        RawRoomClient noRoom = connect();
        RawRoomClient elsewhere = connectTo(sender.replica());
        sender.join("lobby");
        elsewhere.join("kitchen");

        cluster.inject(WsFault.BROADCAST_OUTSIDE_ROOM);
        sender.say("lobby", "everyone");

        for (RawRoomClient client : List.of(sender, noRoom, elsewhere)) {
            assertThat(client.next()).isEqualTo(RawRoomClient.message("lobby", "everyone"));
        }
    }

    @Test
    void pollingWithoutStickinessIsNotARawWebSocketFault() {
        assertThatThrownBy(() -> cluster.inject(WsFault.POLLING_WITHOUT_STICKINESS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Socket.IO");
    }

    @Test
    void healRestoresHealthAfterEveryFault() throws Exception {
        for (WsFault fault : List.of(WsFault.REPLICAS_NOT_SHARING_REDIS, WsFault.ORIGIN_NOT_CHECKED,
                WsFault.PLAINTEXT_SERVED, WsFault.NEVER_ANSWERS, WsFault.DROPS_IDLE_AFTER_5S,
                WsFault.BROADCAST_OUTSIDE_ROOM)) {
            cluster.inject(fault);
        }
        cluster.heal();

        assertThat(RawRoomHandshake.overTls(HOST, tlsPort, trust, "/ws", FOREIGN)).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(RawRoomHandshake.plain(HOST, plainPort, "/ws", ALLOWED)).startsWith("HTTP/1.1 308");
        RawRoomClient sender = connect();
        RawRoomClient member = connect();
        RawRoomClient outsider = connect();
        sender.join("lobby");
        member.join("lobby");
        outsider.join("kitchen");
        sender.say("lobby", "healed");
        assertThat(member.next()).isEqualTo(RawRoomClient.message("lobby", "healed"));
        assertNothingEarlierReaches(outsider, sender, "kitchen");
    }

    // ---- lifecycle

    @Test
    void aStartFailingHalfwayLeavesNothingRunning(@TempDir Path workDir) throws Exception {
        String host = "unsubscribed.rooms.smokegate.test";
        CertificateAuthority ca = CertificateAuthority.createRoot("RawRoomClusterTest root");
        ClusterMaterial material = new ClusterMaterial(host, ca.issue(LeafSpec.forHosts(host).build()),
                ca.certificate(), new RedisEndpoint(Loopback.HOST, closedPort(), "not-the-password"), workDir,
                ORIGIN);
        long selectors = threadsNamed("WebSocketSelector-");

        assertThatThrownBy(() -> RawRoomCluster.start(material)).isInstanceOf(IOException.class)
                .hasMessageContaining("Redis");

        assertThat(threadsNamed(host)).isZero();
        assertThat(threadsNamed("WebSocketSelector-")).isEqualTo(selectors);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closeStopsEverythingAndIsIdempotent() throws IOException {
        cluster.close();
        cluster.close();

        assertThat(refused(tlsPort)).isTrue();
        assertThat(refused(plainPort)).isTrue();
        assertThat(threadsNamed(HOST)).isZero();
    }

    // ---- helpers

    /**
     * Absence without a silence window: a marker from {@code sender} to a room {@code client} is in travels the way
     * the sender's earlier messages would have (its replica, one Redis publish after the other, the client's
     * replica's subscription, one connection), in order. The client's next frame being the marker shows that none
     * of them reached it.
     */
    private static void assertNothingEarlierReaches(RawRoomClient client, RawRoomClient sender, String clientsRoom) {
        sender.say(clientsRoom, "marker");
        assertThat(client.next()).isEqualTo(RawRoomClient.message(clientsRoom, "marker"));
    }

    private RawRoomClient connect() throws IOException, InterruptedException {
        RawRoomClient client = RawRoomClient.tls(HOST, tlsPort, trust, ALLOWED).orElseThrow(
                () -> new AssertionError("the allowed Origin was refused"));
        clients.add(client);
        return client;
    }

    /** Connections alternate between the two replicas, so the second try lands on the other one. */
    private RawRoomClient connectTo(String replica) throws IOException, InterruptedException {
        RawRoomClient client = connect();
        return client.replica().equals(replica) ? client : connect();
    }

    private static int mappedPort(WsCluster cluster, int publicPort) {
        String prefix = cluster.host() + ":" + publicPort + " -> " + Loopback.HOST + ":";
        return cluster.connectTo().stream().filter(mapping -> mapping.startsWith(prefix))
                .map(mapping -> Integer.parseInt(mapping.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            return socket.getLocalPort();
        }
    }

    private static boolean refused(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    private static long threadsNamed(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains(part)).count();
    }
}
