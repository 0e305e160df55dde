package dev.smokegate.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.ProbeContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A probe that must search a whole asset reads past the report's 64 KB; the report still shows 64 KB at most. */
class BodyLimitTest {

    /** A 200 kB script whose last line is what a secrets scan looks for. */
    private static final String CHUNK = "x();\n".repeat(40_000) + "const leaked = 'end-of-chunk';\n";

    private HttpServer server;
    private URI url;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = CHUNK.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/_next/static/chunks/page.js");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPlainRequestKeepsTheFirst64KilobytesAndSaysItCutTheRest() throws Exception {
        HttpExchange exchange = HttpFetcher.fetch(HttpRequest.get(url), context()).exchange().orElseThrow();

        assertThat(exchange.body()).hasSize(HttpExchange.BODY_LIMIT).doesNotContain("end-of-chunk");
        assertThat(exchange.bodyTruncated()).isTrue();
    }

    @Test
    void aRequestWithItsOwnLimitReadsTheWholeAssetButTheTranscriptStillShows64Kilobytes() throws Exception {
        HttpExchange exchange = HttpFetcher.fetch(HttpRequest.get(url).withBodyLimit(1 << 20), context())
                .exchange().orElseThrow();

        assertThat(exchange.body()).endsWith("const leaked = 'end-of-chunk';\n");
        assertThat(exchange.bodyTruncated()).isFalse();
        assertThat(exchange.transcript()).doesNotContain("end-of-chunk")
                .contains("[body truncated at " + HttpExchange.BODY_LIMIT + " bytes]");
    }

    private static ProbeContext context() throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("limits", URI.create("https://app.example.test"),
                        URI.create("https://api.example.test"))
                .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .build();
        return new ProbeContext(config, SSLContext.getDefault());
    }
}
