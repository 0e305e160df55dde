package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.engine.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --fail-on} and the {@code fail-on} section: a failed check below the threshold is reported as failed in
 * every report but does not make exit code 1. The target is down, so {@code http.https-redirect} (high) fails.
 */
class FailOnTest {

    @TempDir
    Path dir;

    private Path config(String failOn) throws IOException {
        int closedPort = LoopbackTargets.refusingPort();
        Path file = dir.resolve("down.yaml");
        Files.writeString(file, """
                frontend:
                  url: https://app.down.test
                backend:
                  url: https://api.down.test
                connect-to:
                  - "app.down.test:80 -> 127.0.0.1:%1$d"
                  - "api.down.test:80 -> 127.0.0.1:%1$d"
                timeouts: {connect: 1s, read: 1s}
                %2$s
                """.formatted(closedPort, failOn));
        return file;
    }

    private CliRun run(Path config, String... flags) {
        String[] args = new String[6 + flags.length];
        System.arraycopy(new String[] {"run", config.toString(), "--only", "http.https-redirect", "--report-dir",
                dir.resolve("reports").toString()}, 0, args, 0, 6);
        System.arraycopy(flags, 0, args, 6, flags.length);
        return CliRun.of(args);
    }

    private JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("reports/down/latest/summary.json").toFile());
    }

    @Test
    void aFailureBelowTheThresholdIsReportedButExitsZero() throws IOException {
        CliRun run = run(config(""), "--no-html", "--fail-on", "critical");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).containsPattern("FAIL +http\\.https-redirect .*below fail-on critical: ")
                .contains("failed (2 below fail-on critical)").contains("PASSED at fail-on critical (exit 0)");
        JsonNode summary = summary();
        assertThat(summary.get("failOn").asText()).isEqualTo("critical");
        assertThat(summary.get("exitCode").asInt()).isZero();
        assertThat(summary.at("/counts/failed").asInt()).isEqualTo(2);
        assertThat(summary.at("/counts/failedBelowFailOn").asInt()).isEqualTo(2);
        assertThat(summary.at("/results/0/status").asText()).isEqualTo("failed");
        assertThat(summary.at("/results/0/belowFailOn").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("reports/down/latest/junit.xml")))
                .contains("<failure message=\"below fail-on critical: ");
    }

    @Test
    void aFailureAtTheThresholdExitsOne() throws IOException {
        CliRun run = run(config(""), "--no-html", "--fail-on", "high");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).doesNotContain("below fail-on");
        assertThat(summary().at("/counts/failedBelowFailOn").asInt()).isZero();
    }

    @Test
    void theConfigSetsTheThresholdPerSuiteAndTheFlagOverridesIt() throws IOException {
        Path config = config("fail-on: {gate: critical, nightly: low}");

        assertThat(run(config, "--no-html", "--suite", "gate").exitCode()).isEqualTo(ExitCode.PASSED);
        assertThat(run(config, "--no-html", "--suite", "nightly").exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run(config, "--no-html", "--suite", "gate", "--fail-on", "high").exitCode())
                .isEqualTo(ExitCode.FAILED);
    }

    @Test
    void withoutAThresholdEveryFailureCounts() throws IOException {
        CliRun run = run(config(""), "--no-html");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(summary().get("failOn").asText()).isEqualTo("info");
    }

    @Test
    void anUnknownSeverityIsAUsageError() throws IOException {
        CliRun run = run(config(""), "--fail-on", "severe");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--fail-on must be one of critical, high, medium, low, info, not \"severe\"");
    }
}
