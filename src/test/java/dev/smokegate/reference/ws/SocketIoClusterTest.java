package dev.smokegate.reference.ws;

import static dev.smokegate.reference.ws.SocketIoTestClient.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.services.FreePorts;
import dev.smokegate.reference.services.NodeRuntime;
import dev.smokegate.reference.services.RedisEndpoint;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Socket.IO cluster of a real reference deployment, spoken to as a client outside would: through the balancer
 * on the public name, Engine.IO v4 over TLS. Healthy behaviour first, then each fault and its heal. One deployment
 * and one cluster for the class; closing the cluster comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExternalProcesses
class SocketIoClusterTest {

    private static final String ALLOWED_ORIGIN = "https://app.smokegate.test";
    private static final String FOREIGN_ORIGIN = "https://evil.example";
    /**
     * Long enough for a room message to cross Redis to the other replica, were it going to. Only where no marker can
     * follow the message: a silence window never fails a healthy cluster, it can only miss a leak slower than it.
     */
    private static final Duration SILENCE = Duration.ofMillis(700);

    private static ReferenceDeployment deployment;
    private static WsCluster cluster;
    private static SocketIoEdge edge;
    private static boolean clusterClosed;

    @BeforeAll
    static void startCluster() throws IOException, GeneralSecurityException {
        deployment = ReferenceDeployment.start();
        cluster = deployment.webSockets(WsVariant.SOCKET_IO);
        edge = new SocketIoEdge(cluster, deployment.caCertificateFile());
    }

    @AfterEach
    void heal() throws IOException {
        if (!clusterClosed) {
            cluster.heal();
        }
    }

    @AfterAll
    static void closeDeployment() {
        if (deployment != null) {
            deployment.close();
        }
    }

    // ---- healthy

    @Test
    void describesItselfAsTwoNodeReplicasOnThePublicSocketIoUrl() {
        assertThat(cluster.url()).hasToString("wss://io.smokegate.test/socket.io/");
        assertThat(cluster.replicas()).isEqualTo(2);
        // The Redis password travels in the environment: the command line, which ps shows, is node and the script.
        assertThat(cluster.processes()).hasSize(2).allMatch(ProcessHandle::isAlive)
                .allMatch(p -> p.info().command().orElse("").endsWith("node"))
                .allMatch(p -> arguments(p).size() == 1 && arguments(p).get(0).endsWith("socketio-server.js"));
        assertThat(cluster.connectTo()).hasSize(2)
                .allMatch(m -> m.matches("io\\.smokegate\\.test:(443|80) -> 127\\.0\\.0\\.1:\\d+"));
    }

    @Test
    void consecutiveConnectionsAreGreetedByDifferentReplicas() throws IOException {
        try (SocketIoTestClient first = connect(); SocketIoTestClient second = connect()) {
            assertThat(Set.of(first.replica(), second.replica())).containsExactlyInAnyOrder("io-1", "io-2");
            assertThat(first.openPacket().get("pingInterval").asInt()).isEqualTo(2000);
        }
    }

    @Test
    void aRoomMessageReachesTheRoomOnBothReplicasAndNobodyOutside() throws IOException {
        assertRoomMessageCrossesReplicasAndStaysInTheRoom();
    }

    private static void assertRoomMessageCrossesReplicasAndStaysInTheRoom() throws IOException {
        try (SocketIoTestClient sender = connect(); SocketIoTestClient peer = connect();
             SocketIoTestClient outsider = connect()) {
            assertThat(peer.replica()).isNotEqualTo(sender.replica());
            assertThat(sender.join("lobby").get("room").asText()).isEqualTo("lobby");
            peer.join("lobby");
            assertThat(peer.await(e -> e.name().equals("joined")).arg().get("room").asText()).isEqualTo("lobby");
            outsider.join("kitchen");

            sender.emit("message", new RoomMessage("lobby", "hi from " + sender.replica()));

            assertThat(peer.await(message("hi from " + sender.replica())).arg().get("room").asText())
                    .isEqualTo("lobby");
            sender.await(message("hi from " + sender.replica()));
            assertThat(receivedBeforeMarker(outsider, sender, "kitchen"))
                    .noneMatch(message("hi from " + sender.replica()));
        }
    }

    @Test
    void aClientThatLeftNoLongerGetsTheRoomsMessages() throws IOException {
        try (SocketIoTestClient sender = connect(); SocketIoTestClient leaver = connect()) {
            sender.join("lobby");
            leaver.join("lobby");
            leaver.emit("leave", "lobby");
            assertThat(leaver.await(e -> e.name().equals("left")).arg().get("room").asText()).isEqualTo("lobby");
            leaver.join("kitchen");

            sender.emit("message", new RoomMessage("lobby", "after leaving"));

            sender.await(message("after leaving"));
            assertThat(receivedBeforeMarker(leaver, sender, "kitchen")).noneMatch(message("after leaving"));
        }
    }

    @Test
    void onlyTheAppsOriginMayUpgrade() throws IOException {
        assertThat(edge.upgradeStatus(true, ALLOWED_ORIGIN)).startsWith("HTTP/1.1 101");
        assertThat(edge.upgradeStatus(true, FOREIGN_ORIGIN)).matches("HTTP/1.1 40[03] .*");
    }

    @Test
    void pollingIsOffAndPortEightyRedirects() throws IOException {
        assertThat(edge.get("/socket.io/?EIO=4&transport=polling", ALLOWED_ORIGIN))
                .startsWith("HTTP/1.1 400").contains("{\"code\":0,\"message\":\"Transport unknown\"}");
        assertThat(edge.upgradeStatus(false, ALLOWED_ORIGIN)).startsWith("HTTP/1.1 308");
    }

    // ---- faults

    @Test
    void withoutRedisARoomMessageStaysOnItsReplica() throws IOException {
        cluster.inject(WsFault.REPLICAS_NOT_SHARING_REDIS);

        try (SocketIoTestClient sender = connect(); SocketIoTestClient peer = connect()) {
            assertThat(peer.replica()).isNotEqualTo(sender.replica());
            sender.join("lobby");
            peer.join("lobby");

            sender.emit("message", new RoomMessage("lobby", "local only"));

            sender.await(message("local only"));
            // With the fault nothing crosses replicas, so no marker could follow the message to the peer.
            assertThat(peer.receivedWithin(message("local only"), SILENCE)).isEmpty();
        }
    }

    @Test
    void originNotCheckedLetsAForeignOriginUpgrade() throws IOException {
        cluster.inject(WsFault.ORIGIN_NOT_CHECKED);

        assertThat(edge.upgradeStatus(true, FOREIGN_ORIGIN)).startsWith("HTTP/1.1 101");
        try (SocketIoTestClient hijacker = SocketIoTestClient.connect(edge.openTls(), cluster.host(), FOREIGN_ORIGIN)) {
            assertThat(hijacker.replica()).startsWith("io-");
        }
    }

    @Test
    void broadcastOutsideRoomReachesEveryone() throws IOException {
        cluster.inject(WsFault.BROADCAST_OUTSIDE_ROOM);

        try (SocketIoTestClient sender = connect(); SocketIoTestClient outsider = connect()) {
            sender.join("lobby");
            sender.emit("message", new RoomMessage("lobby", "to everyone"));

            assertThat(outsider.await(message("to everyone")).arg().get("room").asText()).isEqualTo("lobby");
        }
    }

    @Test
    void pollingWithoutStickinessOpensLongPollingSessions() throws IOException {
        cluster.inject(WsFault.POLLING_WITHOUT_STICKINESS);

        String answer = edge.get("/socket.io/?EIO=4&transport=polling", ALLOWED_ORIGIN);

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\r\n\r\n0{\"sid\":\"");
        assertThat(edge.get("/socket.io/?EIO=4&transport=polling", FOREIGN_ORIGIN)).startsWith("HTTP/1.1 403");
    }

    @Test
    void plaintextServedUpgradesOnPortEighty() throws IOException {
        cluster.inject(WsFault.PLAINTEXT_SERVED);

        assertThat(edge.upgradeStatus(false, ALLOWED_ORIGIN)).startsWith("HTTP/1.1 101");
        assertThat(edge.upgradeStatus(true, ALLOWED_ORIGIN)).startsWith("HTTP/1.1 101");
    }

    @Test
    void neverAnswersLeavesTheTlsHandshakeHanging() throws IOException {
        cluster.inject(WsFault.NEVER_ANSWERS);

        assertThatThrownBy(() -> edge.openTls(Duration.ofMillis(500)).close())
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void dropsIdleStopsTheServersFrequentPings() throws IOException {
        cluster.inject(WsFault.DROPS_IDLE_AFTER_5S);

        try (SocketIoTestClient client = connect()) {
            assertThat(client.openPacket().get("pingInterval").asInt()).isEqualTo(60_000);
        }
    }

    @Test
    void healRestoresEveryReplica() throws IOException {
        cluster.inject(WsFault.REPLICAS_NOT_SHARING_REDIS);
        cluster.inject(WsFault.NEVER_ANSWERS);
        List<ProcessHandle> faulty = cluster.processes();

        cluster.heal();

        assertThat(cluster.processes()).hasSize(2).doesNotContainAnyElementsOf(faulty);
        // The edge's usual 5 s read timeout: a still silent edge runs into it, a healed one answers in milliseconds.
        assertThatCode(() -> edge.openTls().close()).doesNotThrowAnyException();
        assertRoomMessageCrossesReplicasAndStaysInTheRoom();
    }

    @Test
    void edgeOnlyFaultsDoNotRestartTheReplicas() throws IOException {
        List<ProcessHandle> before = cluster.processes();

        cluster.inject(WsFault.NEVER_ANSWERS);
        cluster.heal();

        assertThat(cluster.processes()).containsExactlyElementsOf(before);
    }

    // ---- start failures and shutdown

    @Test
    void aReplicaThatCannotReachRedisFailsTheStartAndLeavesNothingRunning(@TempDir Path workDir)
            throws IOException {
        String password = "password-" + System.nanoTime();
        CertificateAuthority ca = CertificateAuthority.createRoot("SocketIoClusterTest root");
        ClusterMaterial unreachableRedis = new ClusterMaterial("io.smokegate.test",
                ca.issue(LeafSpec.forHosts("io.smokegate.test").build()), ca.certificate(),
                new RedisEndpoint("127.0.0.1", FreePorts.pick(), password), workDir, ALLOWED_ORIGIN);

        assertThatThrownBy(() -> SocketIoCluster.start(unreachableRedis))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with code 1 during start")
                .hasMessageContaining("ECONNREFUSED");
        assertThat(nodeProcessesIn(workDir)).isEmpty();
        assertThat(Files.getPosixFilePermissions(workDir.resolve("io.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(password);
            }
        }
    }

    @Test
    void withoutNodeModulesTheStartSaysToRunSetup(@TempDir Path empty) {
        assertThatThrownBy(() -> NodeRuntime.locate("the Socket.IO reference cluster", SocketIoCluster.MODULES,
                List.of(empty), System.getenv("PATH")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("socket.io, @socket.io/redis-adapter, redis")
                .hasMessageContaining("run scripts/setup");
        assertThatThrownBy(() -> NodeRuntime.locate("the Socket.IO reference cluster", SocketIoCluster.MODULES,
                List.of(empty), ""))
                .hasMessageContaining("node is not on the PATH");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void closeStopsEveryNodeProcess() throws IOException {
        List<ProcessHandle> processes = cluster.processes();
        assertThat(processes).hasSize(2);

        cluster.close();
        clusterClosed = true;

        for (ProcessHandle process : processes) {
            process.onExit().orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(process.isAlive()).isFalse();
        }
        assertThat(cluster.processes()).isEmpty();
    }

    /**
     * Absence without a silence window: a marker from {@code sender} to a room {@code client} is in follows the
     * sender's earlier messages the way they would have come (the sender's replica, its Redis publishes in order to
     * the client's replica, one connection), so whatever of them reached the client arrived before the marker.
     */
    private static List<SocketIoTestClient.Event> receivedBeforeMarker(SocketIoTestClient client,
                                                                       SocketIoTestClient sender, String clientsRoom)
            throws IOException {
        String marker = "marker from " + sender.replica();
        sender.emit("message", new RoomMessage(clientsRoom, marker));
        return client.receivedBefore(message(marker));
    }

    private static SocketIoTestClient connect() throws IOException {
        return SocketIoTestClient.connect(edge.openTls(), cluster.host(), ALLOWED_ORIGIN);
    }

    private static List<ProcessHandle> nodeProcessesIn(Path workDir) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> arguments(p).stream().anyMatch(arg -> arg.startsWith(workDir.toString())))
                .toList();
    }

    private static List<String> arguments(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    /** What the app sends as a room message. */
    record RoomMessage(String room, String body) {
    }
}
