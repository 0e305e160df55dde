package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.TlsFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./smokegate run <env> --only 'tls.*'} against hosts under a private CA, with the CA and the host mapping
 * coming from the config file itself (a relative extra-ca-file path, connect-to entries).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class TlsRunTest {

    private ReferenceDeployment deployment;

    @TempDir
    Path dir;

    @BeforeAll
    void start() throws IOException {
        deployment = ReferenceDeployment.start();
    }

    @AfterAll
    void stop() {
        deployment.close();
    }

    private Path config(String... hosts) throws IOException {
        Files.copy(deployment.caCertificateFile(), dir.resolve("private-ca.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("private.yaml");
        Files.writeString(file, """
                frontend:
                  url: https://app.smokegate.test
                backend:
                  url: https://api.smokegate.test
                tls:
                  hosts: [%s]
                trust:
                  extra-ca-file: private-ca.pem
                connect-to:
                %s
                """.formatted(String.join(", ", hosts), deployment.connectTo().stream()
                .map(m -> "  - \"" + m + "\"").collect(Collectors.joining("\n"))));
        return file;
    }

    @Test
    void privateCaHostPassesTheTlsSuiteWithTheConfiguredCaAndMapping() throws IOException {
        CliRun run = CliRun.of("run", config("api.smokegate.test").toString(), "--only", "tls.*",
                "--report-dir", dir.resolve("reports").toString(), "--no-html");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).contains("16 checks: 16 passed");
    }

    @Test
    void brokenHostFailsWithAnActionableLine() throws IOException {
        String host = deployment.tlsFaultHost(TlsFault.EXPIRES_IN_10_DAYS);

        CliRun run = CliRun.of("run", config(host).toString(), "--only", "tls.cert.*",
                "--report-dir", dir.resolve("reports").toString(), "--no-html");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).containsPattern("FAIL +tls\\.cert\\.expiry-horizon +tls " + host.replace(".", "\\.")
                + ":443 +the certificate expires on \\d{4}-\\d{2}-\\d{2}, (9|10) days left");
    }
}
