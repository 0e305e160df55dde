package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.ws.WsCluster;
import dev.smokegate.reference.ws.WsFault;
import dev.smokegate.reference.ws.WsVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./smokegate run <env> --only 'ws.*'} against the real two-replica Socket.IO cluster (Node, Redis
 * adapter), configured only by its YAML file, with a handshake token that must never reach the console or report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class WsRunTest {

    private static final String TOKEN = "ws-canary-7f3a9c2e51";

    private ReferenceDeployment deployment;
    private WsCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws IOException {
        deployment = ReferenceDeployment.start();
        cluster = deployment.webSockets(WsVariant.SOCKET_IO);
    }

    @AfterAll
    void stop() {
        List<ProcessHandle> nodes = cluster.processes();
        deployment.close();
        assertThat(nodes).isNotEmpty().allSatisfy(p -> assertThat(p.isAlive()).as("node pid " + p.pid()).isFalse());
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    private Path config() throws IOException {
        Files.copy(deployment.caCertificateFile(), dir.resolve("ca.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("io.yaml");
        Files.writeString(file, """
                frontend:
                  url: https://app.smokegate.test
                backend:
                  url: https://api.smokegate.test
                websocket:
                  url: %s
                  protocol: socket.io
                  keepalive: 3s
                  auth:
                    query: {token: "${WS_TOKEN}"}
                    socket-io: '{"token":"${WS_TOKEN}"}'
                trust:
                  extra-ca-file: ca.pem
                timeouts: {connect: 2s, read: 3s}
                connect-to:
                %s
                """.formatted(cluster.url(), deployment.connectTo().stream()
                .map(m -> "  - \"" + m + "\"").collect(Collectors.joining("\n"))));
        return file;
    }

    private CliRun run() throws IOException {
        return CliRun.of(Map.of("WS_TOKEN", TOKEN), "run", config().toString(), "--only", "ws.*",
                "--report-dir", dir.resolve("reports").toString(), "--no-html");
    }

    @Test
    void healthySocketIoClusterPassesEveryWebSocketCheck() throws IOException {
        CliRun run = run();

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("8 checks: 8 passed").doesNotContain(TOKEN);
        assertThat(reportFiles()).allSatisfy(file -> assertThat(Files.readString(file)).as(file.toString())
                .doesNotContain(TOKEN));
    }

    @Test
    void originHijackingFailsTheRunWithTheAcceptedOrigins() throws IOException {
        cluster.inject(WsFault.ORIGIN_NOT_CHECKED);

        CliRun run = run();

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).containsPattern("FAIL +ws\\.origin-enforced +websocket wss://io\\.smokegate\\.test"
                + "/socket\\.io/ +the WebSocket handshake accepts foreign origins");
    }

    private List<Path> reportFiles() throws IOException {
        try (var files = Files.walk(dir.resolve("reports"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
