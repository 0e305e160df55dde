package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.probe.PlaintextListener;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.ReferenceHosts;
import dev.smokegate.reference.ws.WsVariant;
import dev.smokegate.report.LeakScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test for "secrets never reach an artifact": a canary secret, referenced by the config the way a
 * real token is, and every secret the reference deployment gives demo.yaml (the GitHub test account's password and
 * TOTP secret, the client secret, DATABASE_URL, RESTORE_DATABASE_URL and REDIS_URL with their passwords,
 * WEBHOOK_SECRET, JWT_SECRET and the test user's token) must not appear in any file under the report directory, nor
 * on the console, after a passing and after a failing run of the real front door (HTML report included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class SecretCanaryTest {

    private static final String CANARY = "canary-7f3e9a1c-must-not-leak";
    /** The test account's login is a name the reports show, not a secret. */
    private static final String NOT_SECRET = "GITHUB_TEST_LOGIN";
    /** A signed or unsigned JWT with its payload: what a redacted token must never show. */
    private static final String WHOLE_JWT = "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.";

    private ReferenceDeployment deployment;
    private Map<String, String> environment;
    private List<String> secrets;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws IOException {
        deployment = ReferenceDeployment.startDemo();
        environment = new HashMap<>(deployment.environment());
        environment.put("SMOKEGATE_CANARY", CANARY);
        secrets = new ArrayList<>(List.of(CANARY));
        deployment.environment().forEach((variable, value) -> {
            if (!variable.equals(NOT_SECRET)) {
                secrets.add(value);
            }
            if (variable.endsWith("_URL")) {
                secrets.add(URI.create(value).getUserInfo().split(":", 2)[1]);
            }
        });
    }

    @AfterAll
    void stop() {
        deployment.close();
    }

    /** demo.yaml with the canary in every place a config can hold a credential; {@code flags} go first. */
    private CliRun run(Path reports, String... flags) throws IOException {
        Path config = dir.resolve("canary.yaml");
        String demo = Files.readString(Path.of("suites", "demo.yaml")).replace("websocket:\n", """
                websocket:
                  auth:
                    headers: {Cookie: "sid=${SMOKEGATE_CANARY}"}
                    query: {token: "${SMOKEGATE_CANARY}"}
                """)
                // Paths in demo.yaml are relative to suites/; this copy lives elsewhere.
                .replace("migrate-directory: ..", "migrate-directory: " + Path.of("").toAbsolutePath())
                .replace("suite: demo-restored.yaml", "suite: " + Path.of("suites", "demo-restored.yaml")
                        .toAbsolutePath());
        Files.writeString(config, demo + """
                http:
                  request-headers:
                    Authorization: "Bearer ${SMOKEGATE_CANARY}"
                    X-Smoke-Token: "${SMOKEGATE_CANARY}"
                """);
        List<String> args = new ArrayList<>(List.of("run", config.toString()));
        args.addAll(List.of(flags));
        args.addAll(List.of("--suite", "full", "--report-dir", reports.toString(), "--ca-file",
                deployment.caCertificateFile().toString()));
        deployment.connectTo().forEach(m -> args.addAll(List.of("--connect-to", m)));
        return CliRun.of(environment, args.toArray(String[]::new));
    }

    private void assertNoLeak(Path reports, CliRun run) throws IOException {
        ArtifactLeaks.assertNone(secrets, run, reports);
    }

    @Test
    void passingRunLeaksNoSecret() throws IOException {
        Path reports = dir.resolve("passing");

        CliRun run = run(reports);

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(reports.resolve("demo/latest/html/index.html")).as("single-file HTML report").isRegularFile();
        assertThat(reports.resolve("demo/latest/allure-results").toFile().list((d, n) -> n.endsWith("-result.json")))
                .as("one Allure result per check result").hasSize((int) run.out().lines()
                        .filter(line -> line.matches("(PASS|FAIL|BROKEN|WARN|WAIVED|SKIP) +[a-z]+\\..*")).count());
        List<String> attachments = new ArrayList<>();
        for (var file : reports.resolve("demo/latest/allure-results").toFile().listFiles(
                (d, n) -> n.endsWith("-attachment.txt"))) {
            attachments.add(Files.readString(file.toPath()));
        }
        assertThat(attachments).as("HTTP evidence kept, credential masked")
                .anySatisfy(a -> assertThat(a).contains("Authorization: Bearer [REDACTED]"));
        // The forged tokens of auth.jwt.forgery-rejected are random, so no canary can name them: no whole JWT at all
        // (header.payload.signature) may remain in the evidence, only headers.
        assertThat(attachments).as("JWT forgeries shown by their header only").noneSatisfy(a ->
                assertThat(a).containsPattern(WHOLE_JWT));
        assertThat(run.console()).doesNotContainPattern(WHOLE_JWT);
        assertNoLeak(reports, run);
    }

    /**
     * Port 80 of every public host, and so every plaintext probe (http:// for the HTTPS redirect and the preload
     * rules, ws:// to see it refused), reaches a listener that keeps what it is sent: none of it may be a credential.
     */
    @Test
    void plaintextProbesCarryNoSecret() throws IOException {
        try (PlaintextListener port80 = new PlaintextListener()) {
            Path reports = dir.resolve("plaintext");
            List<String> flags = new ArrayList<>();
            for (String host : List.of(ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW,
                    ReferenceHosts.APEX, WsVariant.RAW.host())) {
                flags.addAll(List.of("--connect-to", port80.mapping(host)));
            }
            flags.addAll(List.of("--only", "http.https-redirect", "--only", "ws.plaintext-refused", "--only",
                    "headers.hsts.preload-ready"));

            CliRun run = run(reports, flags.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
            assertThat(port80.connections()).as("plaintext connections").isGreaterThanOrEqualTo(5);
            assertThat(new LeakScanner(secrets).leaks(port80.received().getBytes(StandardCharsets.ISO_8859_1)))
                    .as("what the plaintext listener received").isEmpty();
            assertNoLeak(reports, run);
        }
    }

    @Test
    void failingRunLeaksNoSecret() throws IOException {
        Path reports = dir.resolve("failing");
        deployment.inject(Fault.HEALTH_500);
        deployment.inject(Fault.VERSIONED_SERVER_BANNER);
        try {
            CliRun run = run(reports);

            assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
            assertNoLeak(reports, run);
        } finally {
            deployment.heal();
        }
    }
}
