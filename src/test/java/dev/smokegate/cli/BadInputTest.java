package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.engine.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Wrong input ends with one readable line and exit code 2, before anything is probed. */
class BadInputTest {

    private static final String VALID = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("env.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().filter(l -> l.startsWith("config error:") || l.startsWith("smokegate:")))
                .singleElement().asString().contains(expected);
        assertThat(run.console()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownKeyExitsTwoNamingFileAndKey() throws IOException {
        Path file = config(VALID + "  helth-path: /health\n");

        assertOneLineError(CliRun.of("run", file.toString()), file + ": backend.helth-path: unknown key");
    }

    @Test
    void malformedUrlExitsTwo() throws IOException {
        Path file = config(VALID.replace("https://api.example.com", "https//api.example.com"));

        assertOneLineError(CliRun.of("run", file.toString()),
                "backend.url: not a valid URL: \"https//api.example.com\"");
    }

    @Test
    void unsetVariableThatASelectedCheckNeedsExitsTwo() throws IOException {
        Path file = config(VALID + "http:\n  request-headers:\n    Authorization: Bearer ${SMOKEGATE_UNSET_TOKEN}\n");

        assertOneLineError(CliRun.of("run", file.toString()),
                "http.request-headers.Authorization: environment variable SMOKEGATE_UNSET_TOKEN is not set");
    }

    @Test
    void unsetDatabaseUrlExitsTwoWhenTheGateSelectsTheDatabaseChecks() throws IOException {
        Path file = config(VALID + "database:\n  url: ${SMOKEGATE_UNSET_DATABASE_URL}\n"
                + "redis:\n  url: ${SMOKEGATE_UNSET_REDIS_URL}\n");

        CliRun run = CliRun.of("run", file.toString(), "--suite", "gate", "--only", "db.tls.required");

        assertOneLineError(run, "database.url: environment variable SMOKEGATE_UNSET_DATABASE_URL is not set "
                + "(needed by db.tls.required");
    }

    @Test
    void unsetDatabaseAndRedisUrlsStopNothingWhenNoSelectedCheckNeedsThem() throws IOException {
        Path file = config(VALID + "database:\n  url: ${SMOKEGATE_UNSET_DATABASE_URL}\n"
                + "redis:\n  url: ${SMOKEGATE_UNSET_REDIS_URL}\n");

        CliRun run = CliRun.of("run", file.toString(), "--suite", "gate", "--only", "http.health.ok",
                "--connect-to", "api.example.com:443 -> 127.0.0.1:1", "--no-html", "--report-dir",
                dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.console()).doesNotContain("is not set").contains("http.health.ok");
    }

    @Test
    void pathThatIsNotAUriPathExitsTwoWithoutAReportDirectory() throws IOException {
        Path file = config(VALID + "  health-path: \"/health%zz\"\n");
        Path reports = dir.resolve("reports");

        assertOneLineError(CliRun.of("run", file.toString(), "--report-dir", reports.toString()),
                "backend.health-path: expected a URI path such as /health, found \"/health%zz\"");
        assertThat(reports).doesNotExist();
    }

    @Test
    void directoryAsTheConfigExitsTwoSayingItIsADirectory() {
        assertOneLineError(CliRun.of("run", dir.toString()), dir + ": is a directory, not a config file");
    }

    @Test
    void unknownEnvironmentListsTheKnownOnes() {
        CliRun run = CliRun.of("run", "no-such-env");

        assertOneLineError(run, "no environment \"no-such-env\"");
        assertThat(run.err()).contains("known: demo, demo-restored, production.example");
    }

    @Test
    void unreadableCaFileFlagExitsTwo() throws IOException {
        Path file = config(VALID);

        assertOneLineError(CliRun.of("run", file.toString(), "--ca-file", dir.resolve("nope.pem").toString()),
                "--ca-file");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void caFileThatIsADeviceExitsTwoWithoutReadingIt() throws IOException {
        Path file = config(VALID);

        assertOneLineError(CliRun.of("run", file.toString(), "--ca-file", "/dev/zero"),
                "--ca-file /dev/zero is not a readable PEM certificate file: not a regular file");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void extraCaFileThatIsADeviceExitsTwoWithoutReadingIt() throws IOException {
        Path file = config(VALID + "trust:\n  extra-ca-file: /dev/zero\n");

        assertOneLineError(CliRun.of("run", file.toString()),
                "trust.extra-ca-file: unreadable CA file /dev/zero: not a regular file");
    }

    @Test
    void malformedConnectToExitsTwo() {
        assertOneLineError(CliRun.of("run", "demo", "--connect-to", "api.example.com->1.2.3.4"),
                "--connect-to expects HOST:PORT -> ADDRESS:PORT");
    }

    @Test
    void unknownOptionAndSuiteExitTwo() {
        assertOneLineError(CliRun.of("run", "demo", "--suit", "gate"), "unknown option --suit");
        assertOneLineError(CliRun.of("run", "demo", "--suite", "weekly"), "--suite must be gate, nightly or full");
        assertOneLineError(CliRun.of("run", "demo", "--grid", "grid:4444"),
                "--grid expects the Selenium Grid's http:// or https:// URL, not \"grid:4444\"");
        assertOneLineError(CliRun.of("run", "demo", "--fail-on", "blocker"), "--fail-on must be one of critical");
    }

    @Test
    void onlyThatMatchesNothingExitsTwo() {
        assertOneLineError(CliRun.of("run", "demo", "--only", "tls.nope.*"), "matches no check");
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("usage: smokegate").contains("exit codes");
    }

    @Test
    void listPrintsTheCatalogue() {
        CliRun run = CliRun.of("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("http.health.ok").contains("critical");
    }
}
