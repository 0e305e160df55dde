package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.report.ReportDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A run stopped by SIGTERM (Jenkins' timeout or abort, {@code kill}) leaves a whole report of what it knew, points
 * {@code latest} at it and exits with the code its results give, without waiting for probes that hang. Each test
 * starts smokegate's main in a JVM of its own and signals it as Jenkins does ({@link Process#destroy()} sends SIGTERM).
 */
class InterruptedRunTest {

    /** When the probes of a silent target would give up by themselves; an exit well before shows nobody waited. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String INTERRUPTED = "could not verify: run interrupted (SIGTERM)";
    private static final String NOT_CONFIGURED = "no backend.db-health-path configured for the backend";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process smokegate;

    @AfterEach
    void noProcessLeftBehind() {
        if (smokegate != null) {
            smokegate.destroyForcibly();
        }
    }

    private Path reports() {
        return dir.resolve("reports");
    }

    private Path environmentDir() {
        return reports().resolve("down");
    }

    private Path console() {
        return dir.resolve("console.txt");
    }

    /** The frontend and the backend each behind a loopback port. */
    private Path config(int frontendPort, int backendPort) throws IOException {
        return Files.writeString(dir.resolve("down.yaml"), """
                frontend:
                  url: https://app.down.test
                backend:
                  url: https://api.down.test
                connect-to:
                  - "app.down.test:443 -> 127.0.0.1:%d"
                  - "api.down.test:443 -> 127.0.0.1:%d"
                timeouts: {connect: 1s, read: %ds, run-deadline: %ds}
                """.formatted(frontendPort, backendPort, READ_TIMEOUT.toSeconds(), 2 * READ_TIMEOUT.toSeconds()));
    }

    /** Four planned checks: the health check of the backend, one that does not apply, and a root GET of both. */
    private void start(Path config) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Smokegate.class.getName(), "run", config.toString(), "--only", "http.health.ok", "--only",
                "http.db-path.ok", "--only", "http.version-leak", "--report-dir", reports().toString());
        smokegate = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(console().toFile()).start();
    }

    /** Polls while smokegate runs: if it ends first, it never reached the state the test needs. */
    private void awaitWhileRunning(String what, BooleanSupplier condition) throws Exception {
        while (!condition.getAsBoolean()) {
            assertThat(smokegate.isAlive()).as("smokegate still running, waiting for " + what + "; console:%n%s",
                    consoleText()).isTrue();
            Thread.sleep(20);
        }
    }

    /** Sends SIGTERM, as Jenkins does, and waits for the exit. */
    private void sigterm() throws InterruptedException {
        smokegate.destroy();
        assertThat(smokegate.waitFor(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("exited before the probes' read timeout").isTrue();
    }

    private String consoleText() {
        try {
            return Files.readString(console(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    /** A finished run of the environment from before, which {@code latest} points at. */
    private Path previousRun() throws IOException {
        Path run = Files.createDirectories(environmentDir().resolve("20200101T000000Z"));
        Files.writeString(run.resolve("summary.json"), "{\"exitCode\": 0}\n");
        Files.writeString(run.resolve("junit.xml"), "<testsuites tests=\"0\"/>\n");
        Files.writeString(Files.createDirectories(run.resolve("allure-results")).resolve("old-result.json"), "{}\n");
        ReportDirectory.existing(run).markLatest();
        return run;
    }

    /** Every file under {@code root} with its content and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file), Files.getLastModifiedTime(file) + " "
                        + Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The run directory smokegate created, once it has. */
    private Optional<Path> thisRun(Path previous) throws IOException {
        try (Stream<Path> runs = Files.list(environmentDir())) {
            return runs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(p -> !p.equals(previous))
                    .findFirst();
        }
    }

    private boolean thisRunRecords(Path previous, String id, String status) {
        try {
            return thisRun(previous).filter(run -> allureResultRecords(run, id, status)).isPresent();
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Whether the Allure results of the run hold a result of the check with that status. */
    private static boolean allureResultRecords(Path run, String id, String status) {
        try (Stream<Path> files = Files.list(run.resolve("allure-results"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("-result.json"))::iterator) {
                JsonNode result = JSON.readTree(file.toFile());
                if (result.path("fullName").asText().startsWith(id + " ")
                        && result.path("status").asText().equals(status)) {
                    return true;
                }
            }
            return false;
        } catch (IOException notYetOrHalfWritten) {
            return false;
        }
    }

    private static List<JsonNode> summaryResults(Path run) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(run.resolve("summary.json").toFile()).get("results").forEach(results::add);
        return results;
    }

    /** Each test case of junit.xml as {@code name}, {@code outcome element}, {@code its message}. */
    private static List<List<String>> junitCases(Path run) throws Exception {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(run.resolve("junit.xml").toFile()).getElementsByTagName("testcase");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            NodeList children = testcase.getElementsByTagName("*");
            Element outcome = children.getLength() == 0 ? null : (Element) children.item(0);
            rows.add(List.of(testcase.getAttribute("name"), outcome == null ? "passed" : outcome.getTagName(),
                    outcome == null ? "" : outcome.getAttribute("message")));
        }
        return rows;
    }

    @Test
    void sigtermWritesWhatIsKnownAndPointsLatestAtThisRun() throws Exception {
        try (LoopbackTargets.Silent silent = LoopbackTargets.Silent.start()) {
            Path previous = previousRun();
            Map<Path, String> previousFiles = snapshot(previous);
            start(config(silent.port(), silent.port()));
            awaitWhileRunning("a probe connected to the silent target", () -> silent.connections() > 0);

            sigterm();

            assertThat(smokegate.exitValue()).as("console:%n%s", consoleText()).isEqualTo(ExitCode.NOT_VERIFIED);
            Path run = thisRun(previous).orElseThrow();
            assertThat(ReportDirectory.latest(environmentDir())).contains(run);
            assertThat(summaryResults(run)).extracting(r -> r.get("id").asText(), r -> r.get("target").asText(),
                    r -> r.get("status").asText(), r -> r.get("message").asText()).containsExactly(
                    tuple("http.health.ok", "backend https://api.down.test/health", "broken", INTERRUPTED),
                    tuple("http.db-path.ok", "environment down", "skipped", NOT_CONFIGURED),
                    tuple("http.version-leak", "frontend https://app.down.test/", "broken", INTERRUPTED),
                    tuple("http.version-leak", "backend https://api.down.test/", "broken", INTERRUPTED));
            assertThat(junitCases(run)).containsExactly(
                    List.of("http.health.ok [backend https://api.down.test/health]", "error", INTERRUPTED),
                    List.of("http.db-path.ok [environment down]", "skipped", NOT_CONFIGURED),
                    List.of("http.version-leak [frontend https://app.down.test/]", "error", INTERRUPTED),
                    List.of("http.version-leak [backend https://api.down.test/]", "error", INTERRUPTED));
            assertThat(allureResultRecords(run, "http.version-leak", "broken")).isTrue();
            assertThat(run.resolve("html")).as("no HTML report on interrupt").doesNotExist();
            assertThat(consoleText()).contains("HTML report not generated: the run was interrupted (SIGTERM)");
            assertThat(snapshot(previous)).as("the previous run's files").isEqualTo(previousFiles);
        }
    }

    @Test
    void sigtermAfterAFailureExitsOneAndKeepsTheFailure() throws Exception {
        try (LoopbackTargets.Silent silent = LoopbackTargets.Silent.start()) {
            Path previous = previousRun();
            start(config(silent.port(), LoopbackTargets.refusingPort()));
            awaitWhileRunning("the refused health check to be reported", () -> thisRunRecords(previous,
                    "http.health.ok", "failed"));

            sigterm();

            assertThat(smokegate.exitValue()).as("console:%n%s", consoleText()).isEqualTo(ExitCode.FAILED);
            Path run = thisRun(previous).orElseThrow();
            assertThat(ReportDirectory.latest(environmentDir())).contains(run);
            // The backend's root GET is refused too, but whether that answer came before the signal is a race.
            assertThat(summaryResults(run)).extracting(r -> r.get("id").asText() + " " + r.get("target").asText())
                    .containsExactly("http.health.ok backend https://api.down.test/health",
                            "http.db-path.ok environment down", "http.version-leak frontend https://app.down.test/",
                            "http.version-leak backend https://api.down.test/");
            assertThat(summaryResults(run).subList(0, 3)).extracting(r -> r.get("status").asText(),
                    r -> r.get("message").asText().replaceAll(" \\(mapped to .*", "")).containsExactly(
                    tuple("failed", "expected a 2xx answer, got none: connection refused by api.down.test:443"),
                    tuple("skipped", NOT_CONFIGURED),
                    tuple("broken", INTERRUPTED));
        }
    }
}
