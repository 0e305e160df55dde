package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.HostMapping;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.probe.browser.FakeGitHub;
import dev.smokegate.probe.browser.FakeGitHub.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Secrets never reach an artifact", for the browser login: the test account's password and TOTP secret (given as
 * ${VAR}s, as in production), the OAuth code GitHub hands the callback and a GitHub token the app leaks into the
 * page must not appear in any file of the report directory (screenshots, the DOM and console-log evidence, the
 * HTML report) nor on the console, after a passing and after a failing run of the real front door.
 */
@ExternalProcesses
class BrowserCanaryTest {

    @TempDir
    Path dir;

    private CliRun run(FakeGitHub fake, Path reports) throws IOException {
        Path config = dir.resolve("browser.yaml");
        StringBuilder yaml = new StringBuilder("""
                environment: browser
                frontend: {url: "https://%s"}
                backend: {url: "https://%s"}
                trust: {extra-ca-file: %s}
                timeouts: {run-deadline: 2m}
                oauth:
                  github-url: https://%s
                  client-id: Iv1.fake
                  login-url: https://%s/auth/github
                  callback-url: https://%s/auth/github/callback
                  sign-in-selector: "#sign-in-github"
                  me-url: https://%s/api/me
                  logout-url: https://%s/auth/logout
                  session-cookie: sid
                  test-login: ${GITHUB_TEST_LOGIN}
                  test-password: ${GITHUB_TEST_PASSWORD}
                  test-totp-secret: ${GITHUB_TEST_TOTP_SECRET}
                browser: {step-timeout: 10s}
                connect-to:
                """.formatted(FakeGitHub.APP, FakeGitHub.API, FakeGitHub.writeRoot(dir), FakeGitHub.GITHUB,
                FakeGitHub.API, FakeGitHub.API, FakeGitHub.API, FakeGitHub.API));
        for (HostMapping m : fake.connectTo().mappings()) {
            yaml.append("  - \"").append(m).append("\"\n");
        }
        Files.writeString(config, yaml);
        return CliRun.of(Map.of("GITHUB_TEST_LOGIN", FakeGitHub.LOGIN, "GITHUB_TEST_PASSWORD", fake.password,
                "GITHUB_TEST_TOTP_SECRET", fake.totpSecret), "run", config.toString(), "--suite", "nightly",
                "--only", "oauth.*", "--report-dir", reports.toString());
    }

    private static void assertNoLeak(FakeGitHub fake, Path reports, CliRun run) throws IOException {
        List<String> canaries = new ArrayList<>(List.of(fake.password, fake.totpSecret, fake.token));
        canaries.addAll(fake.issuedCodes());
        assertThat(fake.issuedCodes()).as("GitHub handed out a code").isNotEmpty();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("screenshots").anySatisfy(f -> assertThat(f.toString()).endsWith(".png"));
        assertThat(files).as("the HTML report").anySatisfy(f -> assertThat(f.toString()).endsWith("index.html"));
        ArtifactLeaks.assertNone(canaries, run, reports);
    }

    private static List<String> attachments(Path reports) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(reports)) {
            for (Path file : walk.filter(f -> f.toString().endsWith("-attachment.txt")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    @Test
    void passingBrowserRunLeaksNoSecret() throws IOException {
        try (FakeGitHub fake = new FakeGitHub()) {
            Path reports = dir.resolve("passing");

            CliRun run = run(fake, reports);

            assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
            assertThat(run.out()).contains("oauth.login.completes").contains("oauth.logout.invalidates");
            assertNoLeak(fake, reports, run);
        }
    }

    @Test
    void failingBrowserRunLeaksNoSecret() throws IOException {
        try (FakeGitHub fake = new FakeGitHub(Fault.TOKEN_IN_LOCAL_STORAGE)) {
            Path reports = dir.resolve("failing");

            CliRun run = run(fake, reports);

            assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
            assertThat(run.out()).contains("localStorage");
            assertThat(attachments(reports)).as("the console log, token masked")
                    .anySatisfy(a -> assertThat(a).contains("signed in with [REDACTED]"));
            assertNoLeak(fake, reports, run);
        }
    }

    @Test
    void failingLoginAndCodeInTheUrlLeakNoSecret() throws IOException {
        try (FakeGitHub fake = new FakeGitHub(Fault.CODE_IN_FINAL_URL)) {
            Path reports = dir.resolve("code");

            CliRun run = run(fake, reports);

            assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
            assertThat(run.out()).contains("the OAuth code in the URL the login landed on");
            assertThat(attachments(reports)).as("the console log and the DOM, code masked")
                    .anySatisfy(a -> assertThat(a).contains("callback left ?code=[REDACTED]"));
            assertNoLeak(fake, reports, run);
        }
    }
}
