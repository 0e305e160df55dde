package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Catalogue;
import dev.smokegate.config.ConfigLoader;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Suite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configured credentials go only over verified TLS to the environment's own origins: the probes that talk
 * plaintext on purpose ({@code http://} for the HTTPS redirect, {@code ws://} to see it refused) carry none.
 */
class CredentialsOffPlaintextTest {

    private static final String CANARY = "cnry-plaintext-4b1e6c0d9a";

    @TempDir
    Path dir;

    @Test
    void plaintextProbesSendNoConfiguredCredential() throws Exception {
        try (PlaintextListener port80 = new PlaintextListener()) {
            Path file = Files.writeString(dir.resolve("plain.yaml"), """
                    frontend: {url: https://app.example.test}
                    backend: {url: https://api.example.test}
                    websocket:
                      url: wss://api.example.test/ws
                      auth:
                        headers: {Cookie: "sid=${CANARY}", Authorization: "Bearer ${CANARY}"}
                        query: {token: "${CANARY}"}
                    http:
                      request-headers: {Authorization: "Bearer ${CANARY}", X-Smoke-Token: "${CANARY}"}
                    timeouts: {connect: 2s, read: 2s, run-deadline: 30s}
                    connect-to:
                    """ + "  - \"" + port80.mapping("app.example.test") + "\"\n"
                    + "  - \"" + port80.mapping("api.example.test") + "\"\n");
            EnvironmentConfig config = new ConfigLoader(Map.of("CANARY", CANARY), id -> true).load(file);

            RunReport report = run(config, "http.https-redirect", "ws.plaintext-refused");

            assertThat(report.results()).hasSize(3);
            assertThat(port80.connections()).as("every plaintext probe reached the listener").isGreaterThanOrEqualTo(3);
            assertThat(port80.received()).contains("GET / HTTP", "GET /ws").doesNotContain(CANARY)
                    .doesNotContain(URLEncoder.encode(CANARY, StandardCharsets.UTF_8));
        }
    }

    private static RunReport run(EnvironmentConfig config, String... only) throws Exception {
        try (RunSession session = RunSession.open(config, new Selection(Suite.GATE, List.of(only)),
                Catalogue.all(), new ProbeContext(config, SSLContext.getDefault()), 4, Clock.systemUTC())) {
            session.planned().forEach(session::evaluate);
            return session.report();
        }
    }
}
