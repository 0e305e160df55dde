package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end promise: a run whose results, evidence and targets are full of secrets leaves no trace of them in
 * any file it writes. Every artifact is produced the way a real run produces it (Allure results through the
 * lifecycle, then {@link ReportWriter}, then the console), and every file under the run directory is searched for
 * each canary in every form it could take, including inside the HTML report's embedded Base64 data.
 */
@ExternalProcesses
class CanaryTest {

    /** Configured secrets: one plain, one with every character that changes under some encoding. */
    private static final String CANARY = "cnry-Plain-7f1d9a2b3c4d";
    private static final String NASTY_CANARY = "cnry p@ss/w0rd+\"<&>'=%;";
    /** Not in the config: obtained at run time (a bearer token) or part of a URL (a password). */
    private static final String RUNTIME_TOKEN = "cnryRuntimeBearer5e6f7a8b9c";
    private static final String URL_ONLY_PASSWORD = "cnryUrlOnlyPw1a2b3c4d";
    private static final List<String> ALL = List.of(CANARY, NASTY_CANARY, RUNTIME_TOKEN, URL_ONLY_PASSWORD);

    @TempDir
    Path root;

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Raw HTTP as a probe records it: credentials in headers, a URL with a password, a JSON body. */
    private static String httpExchange() {
        return "GET /health?password=" + url(NASTY_CANARY) + " HTTP/1.1\r\n"
                + "Host: api.example.com\r\n"
                + "Authorization: Basic " + base64("app:" + CANARY) + "\r\n"
                + "Proxy-Authorization: Bearer " + RUNTIME_TOKEN + "\r\n"
                + "Cookie: sid=" + RUNTIME_TOKEN + "; theme=dark\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\n"
                + "Set-Cookie: __Host-sid=" + RUNTIME_TOKEN + "; Path=/; Secure; HttpOnly\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"error\":\"db down\",\"dsn\":\"postgresql://app:" + URL_ONLY_PASSWORD + "@db:5432/app\","
                + "\"echo\":\"" + NASTY_CANARY.replace("\"", "\\\"") + "\",\"access_token\":\"" + RUNTIME_TOKEN
                + "\",\"b64\":\"" + base64("{\"pw\":\"" + CANARY + "\"}") + "\"}";
    }

    /**
     * A response body longer than the probe keeps, with a configured secret straddling the cut: the evidence holds
     * the secret's beginning only, exactly as the HTTP probe records it.
     */
    private static List<Evidence> bodyCutInsideASecret() {
        String kept = CANARY.substring(0, CANARY.length() - 1);
        String body = "x".repeat(HttpExchange.BODY_LIMIT - kept.length()) + kept;
        HttpExchange exchange = new HttpExchange("GET", URI.create("https://api.example.com/debug"), List.of(), 200,
                "OK", List.of(new HttpExchange.Header("Content-Type", "text/plain")), body, true,
                Duration.ofMillis(40));
        return HttpObservation.answered(exchange).evidence();
    }

    private static RunReport runReport() {
        Target db = new Target("backend", "postgresql://app:" + URL_ONLY_PASSWORD + "@db.internal:5432/app");
        Target redis = new Target("redis", "rediss://:" + CANARY + "@cache:6380");
        return new RunReport("staging", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ofSeconds(3), List.of(
                new CheckResult(SampleRuns.spec("http.health.ok", dev.smokegate.model.Severity.CRITICAL),
                        SampleRuns.BACKEND, Outcome.FAILED,
                        "expected 200; got 503 (sent Authorization: Bearer " + RUNTIME_TOKEN + ")",
                        Duration.ofMillis(80), List.of(new Evidence("exchange", "http-request", "text/plain",
                        httpExchange()))),
                new CheckResult(SampleRuns.spec("http.db-path.ok", dev.smokegate.model.Severity.CRITICAL),
                        SampleRuns.BACKEND, Outcome.PASSED, "answered 200", Duration.ofMillis(40),
                        bodyCutInsideASecret()),
                SampleRuns.result("db.tls.required", db, Outcome.BROKEN,
                        "could not verify: login with " + CANARY + " timed out", 5000),
                SampleRuns.result("redis.auth.required", redis, Outcome.WAIVED,
                        "AUTH accepted " + url(NASTY_CANARY) + " [waived until 2026-12-31: " + NASTY_CANARY + "]", 3),
                SampleRuns.result("secrets.jwt.strength", SampleRuns.BACKEND, Outcome.WARNED,
                        "token " + base64("svc:" + NASTY_CANARY) + " is HS256", 1),
                SampleRuns.result("http.redis-path.ok", Target.environment("staging"), Outcome.SKIPPED,
                        "not configured; {\"password\":\"" + CANARY + "\"}", 0)),
                List.of("waiver note mentions " + CANARY, "cookie seen: Set-Cookie: sid=" + RUNTIME_TOKEN));
    }

    private static EnvironmentConfig config() {
        return EnvironmentConfig.builder("staging", URI.create("https://www.example.com"),
                        URI.create("https://svc:" + CANARY + "@api.example.com"))
                .secretValue(CANARY).secretValue(NASTY_CANARY).build();
    }

    /** What the JUnit suites do during the run: one test per check, with steps, parameters and evidence. */
    private static void writeAllureResultsLikeTheSuites(AllureLifecycle lifecycle, RunReport report) {
        String container = UUID.randomUUID().toString();
        lifecycle.startTestContainer(new TestResultContainer().setUuid(container).setName("suite " + CANARY));
        lifecycle.startPrepareFixture(container, "fixture", new FixtureResult().setName("connect " + CANARY));
        lifecycle.stopFixture("fixture");
        for (CheckResult r : report.results()) {
            String uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setHistoryId(r.id())
                    .setName(r.id() + " · " + r.target())
                    .setFullName("dev.smokegate.suite." + r.id() + "[" + r.target() + "]")
                    .setDescription(r.spec().requirement() + " " + CANARY)
                    .setDescriptionHtml("<p>" + NASTY_CANARY + "</p>")
                    .setLabels(List.of(new Label().setName("suite").setValue(r.spec().area()),
                            new Label().setName("tag").setValue(CANARY)))
                    .setLinks(List.of(new Link().setName("target").setUrl(r.target().address())))
                    .setParameters(List.of(new Parameter().setName("target").setValue(r.target().toString()),
                            new Parameter().setName("token").setValue(RUNTIME_TOKEN))));
            lifecycle.startTestCase(uuid);
            lifecycle.startStep(uuid, uuid + "-step", new StepResult().setName("probe " + r.target()));
            lifecycle.startStep(uuid + "-step", uuid + "-inner", new StepResult()
                    .setName("send Authorization: Bearer " + RUNTIME_TOKEN));
            lifecycle.stopStep(uuid + "-inner");
            lifecycle.stopStep(uuid + "-step");
            for (Evidence e : r.evidence()) {
                lifecycle.addAttachment(e.title() + " " + CANARY, e.mediaType(), ".txt",
                        e.content().getBytes(StandardCharsets.UTF_8));
            }
            byte[] binary = new byte[256];
            binary[0] = (byte) 0xFF; // not UTF-8: a screenshot, say
            byte[] secret = CANARY.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(secret, 0, binary, 100, secret.length);
            lifecycle.addAttachment("screenshot", "image/png", ".png", binary);
            Status status = switch (r.outcome()) {
                case PASSED, WARNED -> Status.PASSED;
                case FAILED -> Status.FAILED;
                case BROKEN -> Status.BROKEN;
                case WAIVED, SKIPPED -> Status.SKIPPED;
            };
            lifecycle.updateTestCase(uuid, t -> t.setStatus(status).setStatusDetails(new StatusDetails()
                    .setMessage(r.message()).setTrace("java.lang.AssertionError: " + r.message()
                            + "\n\tat " + NASTY_CANARY)));
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
        lifecycle.stopTestContainer(container);
        lifecycle.writeTestContainer(container);
    }

    @Test
    void leavesNoCanaryInAnyArtifactOfARun() throws Exception {
        EnvironmentConfig config = config();
        Redactor redactor = Redactor.forSecrets(config.secretValues());
        RunReport report = runReport();
        AllureHtmlReport html = AllureHtmlReportTest.projectTool(); // HTML too, when npm ci has installed the tool

        ReportDirectory previous = ReportDirectory.create(root, "staging", SampleRuns.STARTED.minusSeconds(3600));
        writeAllureResultsLikeTheSuites(RedactingResultsWriter.lifecycle(previous.allureResults(), redactor), report);
        new ReportWriter(html, Duration.ofMinutes(2)).writeAll(report, config, previous, redactor);

        ReportDirectory dir = ReportDirectory.create(root, "staging", SampleRuns.STARTED);
        writeAllureResultsLikeTheSuites(RedactingResultsWriter.lifecycle(dir.allureResults(), redactor), report);
        ReportWriter.Written written = new ReportWriter(html, Duration.ofMinutes(2))
                .writeAll(report, config, dir, redactor);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new ConsoleSummary(redactor, true).print(report, Optional.of(written.location()), written.warnings(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        Files.write(dir.root().resolve("console.txt"), console.toByteArray());

        // the artifacts exist and still say something, so "no canary" is not the result of writing nothing
        assertThat(Files.readString(dir.summaryJson())).contains("\"http.health.ok\"", "[REDACTED]");
        assertThat(Files.readString(dir.junitXml())).contains("db.tls.required");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("6 checks:");
        try (Stream<Path> results = Files.list(dir.allureResults())) {
            assertThat(results.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("-result.json")).anyMatch(n -> n.endsWith("-container.json"))
                    .anyMatch(n -> n.endsWith("-attachment.txt")).anyMatch(n -> n.endsWith("-attachment.png"))
                    .contains("environment.properties", "categories.json", "history");
        }
        // the redacting Allure writer caught everything itself: the last-line-of-defence sweep found nothing
        assertThat(written.warnings()).noneMatch(w -> w.startsWith("secrets were found"));
        if (html.available()) {
            assertThat(written.warnings()).isEmpty();
            assertThat(written.htmlReport()).contains(dir.htmlIndex());
            Map<String, String> embedded = AllureTestResults.embedded(dir.htmlIndex());
            assertThat(embedded.keySet()).anyMatch(k -> k.startsWith("data/attachments/"));
            assertThat(embedded.get("widgets/history-trend.json")).isNotNull();
        }

        // Eight characters of a canary's beginning count as a leak: the body cut leaves all but one of CANARY's.
        LeakScanner scanner = new LeakScanner(ALL, 8);
        List<String> leaks = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                scanned.add(file);
                scanner.leaks(Files.readAllBytes(file)).forEach(l -> leaks.add(root.relativize(file) + ": " + l));
            }
        }
        assertThat(scanned).contains(dir.summaryJson(), dir.junitXml(), dir.root().resolve("console.txt"),
                dir.allureResults().resolve("environment.properties"));
        if (html.available()) {
            assertThat(scanned).contains(dir.htmlIndex(), dir.htmlHistory().resolve("history.json"));
        }
        assertThat(leaks).as("canary found in %d scanned files", scanned.size()).isEmpty();
    }
}
