package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.engine.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A down target is a failure with a clear message and exit code 1, never a skip and never a hang. */
class UnreachableTargetTest {

    /** Where a probe that ignored the read timeout would be cut off instead, reported broken rather than failed. */
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path config(int port) throws IOException {
        Path file = dir.resolve("down.yaml");
        Files.writeString(file, """
                frontend:
                  url: https://app.down.test
                backend:
                  url: https://api.down.test
                connect-to:
                  - "api.down.test:443 -> 127.0.0.1:%d"
                timeouts: {connect: 1s, read: 1s, run-deadline: %ds}
                """.formatted(port, RUN_DEADLINE.toSeconds()));
        return file;
    }

    private CliRun runHealth(int port) throws IOException {
        return CliRun.of("run", config(port).toString(), "--only", "http.health.ok", "--report-dir",
                dir.resolve("reports").toString(), "--no-html");
    }

    @Test
    void targetThatDoesNotListenFailsHealth() throws IOException {
        int closedPort = LoopbackTargets.refusingPort();

        CliRun run = runHealth(closedPort);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).containsPattern("FAIL +http\\.health\\.ok")
                .contains("connection refused by api.down.test:443 (mapped to 127.0.0.1:" + closedPort + ")");
    }

    @Test
    void targetThatAcceptsButNeverAnswersFailsWithinItsTimeout() throws IOException {
        try (LoopbackTargets.Silent silent = LoopbackTargets.Silent.start()) {
            CliRun run = runHealth(silent.port());

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(run.out()).containsPattern("FAIL +http\\.health\\.ok").contains("no response within 1s");
            assertThat(run.took()).as("finished before the run deadline a hang would wait for")
                    .isLessThan(RUN_DEADLINE);
        }
    }
}
