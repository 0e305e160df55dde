package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Evidence;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A secret in a response body that the probe cuts at its size limit leaves nothing of itself in the evidence. */
class BodyCutRedactionTest {

    private static final String SECRET = "cnry-straddles-the-64k-cut";

    private HttpServer server;

    @BeforeEach
    void serveABodyWithTheSecretAcrossTheCut() throws Exception {
        // All but the secret's last character fit under the limit: the cut keeps 25 of its 26 characters.
        byte[] body = ("x".repeat(HttpExchange.BODY_LIMIT - SECRET.length() + 1) + SECRET + "y".repeat(1000))
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void evidenceOfABodyCutInsideASecretKeepsNoPartOfIt() throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("cut", URI.create("https://app.example.test"),
                URI.create("https://api.example.test")).secretValue(SECRET).build();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/debug");

        HttpObservation observed = HttpFetcher.get(url, new ProbeContext(config, SSLContext.getDefault()));
        String evidence = observed.evidence().stream().map(Evidence::content).reduce("", String::concat);
        String redacted = Redactor.forSecrets(config.secretValues()).redact(evidence);

        assertThat(observed.exchange()).hasValueSatisfying(e -> assertThat(e.bodyTruncated()).isTrue());
        assertThat(evidence).as("the probe kept the secret's beginning").contains(SECRET.substring(0, 25));
        assertThat(redacted).doesNotContain(SECRET.substring(0, 4)).contains("x[REDACTED]…");
    }
}
