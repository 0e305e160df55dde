package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.ExitCode;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.LocalSite;
import dev.smokegate.reference.net.FaultyProxy;
import dev.smokegate.reference.net.ProxyFaults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run through a bad network edge ({@link FaultyProxy}): a reset before the answer is retried once and shows as a
 * flaky warning, a reset that repeats is a failure, a status is never retried, a stalled body ends at the request's
 * cap, and a blackholed backend costs one timeout, which every later request to it names.
 */
class TransportFaultsTest {

    private static final String HEALTHY = "{\"status\":\"ok\"}";

    @TempDir
    Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();

    /**
     * rest-assured loads Groovy on its first request, seconds on a cold JVM: do that here, so that the time bounds
     * below measure requests.
     */
    @BeforeAll
    static void warmUpTheHttpClient() throws Exception {
        try (LocalSite warm = LocalSite.http(200, "text/plain", "warm")) {
            EnvironmentConfig config = EnvironmentConfig.builder("warm", URI.create("https://app.faults.test"),
                    URI.create("https://api.faults.test")).build();
            HttpFetcher.get(URI.create("http://127.0.0.1:" + warm.address().getPort() + "/"),
                    new ProbeContext(config, SSLContext.getDefault()));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    private LocalSite site(LocalSite site) {
        running.add(site);
        return site;
    }

    private FaultyProxy proxy(InetSocketAddress upstream, ProxyFaults faults) throws IOException {
        FaultyProxy proxy = FaultyProxy.start("transport-test", upstream, faults);
        running.add(proxy);
        return proxy;
    }

    /** A config whose backend {@code api.faults.test} is reached through {@code port}, plus {@code more} YAML. */
    private Path config(String scheme, int port, String more) throws IOException {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, """
                frontend:
                  url: https://app.faults.test
                backend:
                  url: %s://api.faults.test
                connect-to:
                  - "api.faults.test:%d -> 127.0.0.1:%d"
                """.formatted(scheme, scheme.equals("https") ? 443 : 80, port) + more);
        return file;
    }

    private CliRun run(Path config, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("run", config.toString(), "--ca-file",
                LocalSite.writeRoot(dir).toString(), "--report-dir", dir.resolve("reports").toString(), "--no-html"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("reports/faults/latest/summary.json").toFile());
    }

    @Test
    void retriesOnceAfterAResetAndWarnsFlaky() throws IOException {
        LocalSite api = site(LocalSite.https(List.of("api.faults.test"), 200, "application/json", HEALTHY));
        FaultyProxy edge = proxy(api.address(), ProxyFaults.NONE.withResetFirst(1));

        CliRun run = run(config("https", edge.port(), "timeouts: {connect: 2s, read: 3s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.PASSED);
        assertThat(run.out()).containsPattern("WARN +http\\.health\\.ok +backend \\S+ +flaky: passed after retry "
                + "\\(connection reset\\): answered 200 in \\d+ ms").contains("1 warned, 1 flaky");
        assertThat(summary().get("counts").get("flaky").asInt()).isEqualTo(1);
        assertThat(edge.resets()).isEqualTo(1);
        assertThat(edge.connections()).as("the request and its one retry").isEqualTo(2);
    }

    @Test
    void aResetThatRepeatsFailsAndSaysItWasSeenAgain() throws IOException {
        LocalSite api = site(LocalSite.https(List.of("api.faults.test"), 200, "application/json", HEALTHY));
        FaultyProxy edge = proxy(api.address(), ProxyFaults.NONE.withResetProbability(1));

        CliRun run = run(config("https", edge.port(), "timeouts: {connect: 2s, read: 3s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).containsPattern("FAIL +http\\.health\\.ok")
                .contains("connection reset by api.faults.test:443 (mapped to 127.0.0.1:" + edge.port()
                        + ") before it answered (again on retry)")
                .doesNotContain("flaky");
        assertThat(summary().get("counts").get("flaky").asInt()).isZero();
    }

    @Test
    void noRetryWhenTransportRetriesIsZero() throws IOException {
        LocalSite api = site(LocalSite.https(List.of("api.faults.test"), 200, "application/json", HEALTHY));
        FaultyProxy edge = proxy(api.address(), ProxyFaults.NONE.withResetFirst(1));

        CliRun run = run(config("https", edge.port(), "timeouts: {connect: 2s, read: 3s, transport-retries: 0}\n"),
                "--only", "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("expected a 2xx answer, got none: connection reset by api.faults.test:443");
        assertThat(edge.connections()).isEqualTo(1);
    }

    @Test
    void anHttpStatusIsNeverRetried() throws IOException {
        LocalSite api = site(LocalSite.https(List.of("api.faults.test"), 503, "text/plain", "down for maintenance"));

        CliRun run = run(config("https", api.address().getPort(), "timeouts: {connect: 2s, read: 3s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("expected a 2xx answer, got 503").doesNotContain("flaky");
        assertThat(api.requests("/health")).isEqualTo(1);
    }

    @Test
    void aPlainHttpResetIsDescribedInWordsNotJavaClassNames() throws IOException {
        LocalSite api = site(LocalSite.http(200, "application/json", HEALTHY));
        FaultyProxy edge = proxy(api.address(), ProxyFaults.NONE.withResetProbability(1));

        CliRun run = run(config("http", edge.port(), "timeouts: {connect: 2s, read: 3s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("connection reset by api.faults.test:80").doesNotContain("Exception")
                .doesNotContain("java.");
    }

    @Test
    void aBodyStalledAfterTheHeadersIsReportedAsStalledWithinTheRequestsCap() throws IOException {
        LocalSite api = site(LocalSite.https(List.of("api.faults.test"), 200, "text/plain", "x".repeat(400_000)));
        // The TLS handshake and the headers get through, the body stops part of the way.
        FaultyProxy edge = proxy(api.address(), ProxyFaults.NONE.withStallAfter(100_000));
        Duration read = Duration.ofSeconds(4);

        CliRun run = run(config("https", edge.port(), "timeouts: {connect: 1s, read: 4s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        // Whichever ends it first, the read timeout or the 5s cap; never "nothing answered", since headers came.
        assertThat(run.out()).containsPattern("expected a 2xx answer, got none: (the response from "
                + "api\\.faults\\.test:443 .* stalled: no more bytes within 4s|no complete response within "
                + "5s from api\\.faults\\.test:443)");
        assertThat(run.took()).as("ended by the cap, before two read timeouts").isLessThan(read.multipliedBy(2));
    }

    @Test
    void aStalledBodyEndsAtTheRequestsCap() throws IOException {
        LocalSite api = site(LocalSite.stalling(List.of("api.faults.test"), 1_000, 100_000));
        Duration read = Duration.ofSeconds(6);

        CliRun run = run(config("https", api.address().getPort(), "timeouts: {connect: 1s, read: 6s}\n"), "--only",
                "http.health.ok");

        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).containsPattern("expected a 2xx answer, got none: (the response from "
                + "api\\.faults\\.test:443 .* stalled: no more bytes within 6s|no complete response within "
                + "7s from api\\.faults\\.test:443)");
        // Closing the TLS socket waited for the blocked read: the cap ended nothing before a second read timeout.
        assertThat(run.took()).as("ended by the 7s cap, not by a second read timeout")
                .isLessThan(read.multipliedBy(2));
    }

    @Test
    void aBlackholedBackendCostsOneTimeoutAndLaterRequestsNameIt() throws IOException {
        FaultyProxy edge = proxy(new InetSocketAddress("127.0.0.1", 9), ProxyFaults.NONE.withBlackhole(true));
        Path config = config("https", edge.port(), """
                websocket:
                  url: wss://api.faults.test/ws
                timeouts: {connect: 1s, read: 2s}
                """);
        Duration read = Duration.ofSeconds(2);

        // One probe at a time, in plan order, so that which request comes first is known.
        CliRun run = run(config, "--parallelism", "1", "--only", "http.health.ok", "--only", "tls.protocol.modern",
                "--only", "headers.nosniff", "--only", "cors.allowed-origin", "--only", "ws.connect");

        String first = Pattern.quote("timed out earlier in this run (GET https://api.faults.test/health: no response "
                + "within 2s from api.faults.test:443 (mapped to 127.0.0.1:" + edge.port() + ")");
        assertThat(run.exitCode()).as(run.console()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out())
                .containsPattern("FAIL +http\\.health\\.ok .*no response within 2s")
                .containsPattern("FAIL +tls\\.protocol\\.modern .*not scanned: 127\\.0\\.0\\.1:" + edge.port() + " "
                        + first)
                .containsPattern("BROKEN +headers\\.nosniff +backend .*could not verify: .*not sent: "
                        + "api\\.faults\\.test:443 .*" + first)
                .containsPattern("BROKEN +cors\\.allowed-origin .*not sent: .*" + first)
                .containsPattern("FAIL +ws\\.connect .*not connected: .*" + first);
        // Waiting on every request instead takes 14 read timeouts: the health check, the scan, the header GET, the
        // upgrade and ten rounds of CORS requests (two origins at a time).
        assertThat(run.took()).as("one read timeout and start-up, not one timeout per request")
                .isLessThan(read.multipliedBy(5));
        assertThat(edge.connections()).as("nothing dialled the address again after its first timeout")
                .isEqualTo(1);
    }
}
