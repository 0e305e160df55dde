package dev.smokegate.probe.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {

    private static final String PASSWORD = "s3cret-scratch-pw";
    private static final String URL = "postgres://restore:" + PASSWORD + "@db:5432/app_restore";
    private static final OutputScrub SCRUB = new OutputScrub(List.of(PASSWORD, URL));

    @TempDir
    Path dir;

    private ExternalTool.Output sh(String script, Duration timeout) throws Exception {
        return ExternalTool.runToSuccess("migrate", List.of("/bin/sh", "-c", script), Map.of("PATH", "/usr/bin:/bin",
                "PGPASSWORD", PASSWORD, "DATABASE_URL", URL), dir, dir.resolve("tool.log"),
                Instant.now().plus(timeout), SCRUB);
    }

    @Test
    void passesOnlyTheGivenEnvironmentAndMasksCredentialsInTheOutput() throws Exception {
        ExternalTool.Output output = sh("echo \"$DATABASE_URL $PGPASSWORD home=${HOME:-unset}\"; "
                + "echo postgres://other:hunter22@elsewhere/db >&2", Duration.ofSeconds(10));

        assertThat(output.tool()).isEqualTo("sh");
        assertThat(output.text()).isEqualTo("[REDACTED] [REDACTED] home=unset\npostgres://other:***@elsewhere/db\n");
    }

    @Test
    void failsWithTheExitCodeAndTheLineThatNamesTheError() {
        assertThatThrownBy(() -> sh("echo starting; echo \"pg_restore: error: could not connect with $PGPASSWORD\" >&2;"
                + " echo done; exit 4", Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.step()).isEqualTo("migrate");
                    assertThat(e.getMessage()).isEqualTo("sh exited with code 4: pg_restore: error: could not "
                            + "connect with [REDACTED]");
                    assertThat(e.outOfTime()).isFalse();
                    assertThat(e.output()).contains("starting", "done").doesNotContain(PASSWORD);
                });
    }

    @Test
    void stopsAToolAndItsChildrenAtTheDeadline() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> sh("sleep 30 & wait", Duration.ofMillis(500)))
                .isInstanceOfSatisfying(StepFailedException.class, e -> {
                    assertThat(e.outOfTime()).isTrue();
                    assertThat(e.getMessage()).startsWith("sh did not finish within 0.").endsWith(" s (the run's "
                            + "deadline) and was stopped");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains("sleep 30"))).as("the tool's children").isEmpty();
    }

    @Test
    void keepsOnlyTheEndOfAVerboseToolsOutputWithoutAPartialFirstLine() throws Exception {
        ExternalTool.Output output = sh("i=0; while [ $i -lt 3000 ]; do echo \"line $i $PGPASSWORD\"; i=$((i+1)); done",
                Duration.ofSeconds(20));

        assertThat(output.text()).startsWith("[... earlier output left out ...]\nline ").endsWith("line 2999 [REDACTED]\n")
                .doesNotContain(PASSWORD.substring(3)).hasSizeLessThan(17 * 1024);
    }
}
