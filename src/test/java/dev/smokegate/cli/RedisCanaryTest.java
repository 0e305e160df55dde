package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.ReferenceDeployment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Secrets never reach an artifact", for Redis: the password in REDIS_URL must not appear in any file of the report
 * directory nor on the console after runs of the redis.* checks through the real front door, passing, failing, and
 * with a plaintext redis:// URL, whose messages talk about the URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class RedisCanaryTest {

    private ReferenceDeployment deployment;
    private String password;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws IOException {
        deployment = ReferenceDeployment.startDemo();
        password = RedisUrl.parse(deployment.environment().get("REDIS_URL")).url().orElseThrow().password()
                .orElseThrow();
    }

    @AfterAll
    void stop() {
        deployment.close();
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    private CliRun run(Path reports, String redisUrl) {
        Map<String, String> environment = new HashMap<>(deployment.environment());
        environment.put("REDIS_URL", redisUrl);
        List<String> args = new ArrayList<>(List.of("run", Path.of("suites", "demo.yaml").toString(), "--suite",
                "full", "--only", "redis.*", "--report-dir", reports.toString(), "--ca-file",
                deployment.caCertificateFile().toString()));
        deployment.connectTo().forEach(m -> args.addAll(List.of("--connect-to", m)));
        return CliRun.of(environment, args.toArray(String[]::new));
    }

    private void assertNoLeak(Path reports, CliRun run) throws IOException {
        ArtifactLeaks.assertNone(List.of(password), run, reports);
    }

    @Test
    void passingRunLeaksNoRedisPassword() throws IOException {
        Path reports = dir.resolve("passing");

        CliRun run = run(reports, deployment.environment().get("REDIS_URL"));

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("redis.dangerous-commands");
        assertNoLeak(reports, run);
    }

    @Test
    void failingRunLeaksNoRedisPassword() throws IOException {
        Path reports = dir.resolve("failing");
        deployment.inject(Fault.REDIS_NO_PASSWORD);
        deployment.inject(Fault.REDIS_EVICTS_ALLKEYS);
        deployment.inject(Fault.REDIS_APP_MAY_FLUSHALL);

        CliRun run = run(reports, deployment.environment().get("REDIS_URL"));

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertNoLeak(reports, run);
    }

    @Test
    void plaintextUrlRunLeaksNoRedisPassword() throws IOException {
        Path reports = dir.resolve("plaintext");
        deployment.inject(Fault.REDIS_PLAINTEXT);

        CliRun run = run(reports, deployment.plaintextRedisUrl());

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("REDIS_URL is redis:// (plaintext)");
        assertNoLeak(reports, run);
    }
}
