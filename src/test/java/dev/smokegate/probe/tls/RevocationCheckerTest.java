package dev.smokegate.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus.Source;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus.Status;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Revocation lookups against a local OCSP responder and CRL server, and stapled responses. */
class RevocationCheckerTest {

    private static final String HOST = "app.example.test";
    private static HttpServer http;
    private static TestCa ca;
    private static String base;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    /** What the responder and the CRL say, per path; set by each test. */
    private static final Map<String, byte[]> answers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Holds {@code /slow*} requests until the test that made them has its result. */
    private static final CountDownLatch slowReleased = new CountDownLatch(1);
    /** The longest a request is held: what a lookup without a read timeout would wait before getting its answer. */
    private static final Duration HELD_AT_MOST = Duration.ofSeconds(30);

    @BeforeAll
    static void startResponder() throws Exception {
        ca = TestCa.root("Revocation Test CA");
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/slow")) {
                awaitRelease();
            }
            byte[] body = answers.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterAll
    static void stopResponder() {
        http.stop(0);
    }

    @Test
    void ocspResponderNamedInTheLeafSaysGood() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create(base + "/ocsp-good")), Optional.empty());
        answers.put("/ocsp-good", ca.ocspResponse(leaf.certificate(), false));

        RevocationStatus status = check(leaf, Optional.empty());

        assertThat(status.source()).isEqualTo(Source.OCSP);
        assertThat(status.status()).isEqualTo(Status.GOOD);
        assertThat(status.detail()).contains("good", "signed by the issuing CA");
        assertThat(requests).contains("POST /ocsp-good application/ocsp-request");
    }

    @Test
    void ocspResponderSayingRevokedIsRevoked() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create(base + "/ocsp-revoked")), Optional.empty());
        answers.put("/ocsp-revoked", ca.ocspResponse(leaf.certificate(), true));

        RevocationStatus status = check(leaf, Optional.empty());

        assertThat(status).extracting(RevocationStatus::source, RevocationStatus::status)
                .containsExactly(Source.OCSP, Status.REVOKED);
    }

    @Test
    void crlListingTheLeafIsRevokedWhenTheLeafNamesNoOcspResponder() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.empty(), Optional.of(URI.create(base + "/revoked.crl")));
        answers.put("/revoked.crl", ca.crl(Map.of(leaf.certificate().getSerialNumber(),
                Instant.now().minus(Duration.ofHours(2)))).getEncoded());

        RevocationStatus status = check(leaf, Optional.empty());

        assertThat(status.source()).isEqualTo(Source.CRL);
        assertThat(status.status()).isEqualTo(Status.REVOKED);
        assertThat(status.detail()).contains("REVOKED on", "KEY_COMPROMISE");
    }

    @Test
    void crlNotListingTheLeafIsGood() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.empty(), Optional.of(URI.create(base + "/empty.crl")));
        answers.put("/empty.crl", ca.crl(Map.of()).getEncoded());

        assertThat(check(leaf, Optional.empty()).status()).isEqualTo(Status.GOOD);
    }

    @Test
    void unreachableOcspResponderFallsBackToTheCrl() throws Exception {
        int closed = TestServers.freePort();
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create("http://127.0.0.1:" + closed + "/ocsp")),
                Optional.of(URI.create(base + "/fallback.crl")));
        answers.put("/fallback.crl", ca.crl(Map.of()).getEncoded());

        RevocationStatus status = check(leaf, Optional.empty());

        assertThat(status.source()).isEqualTo(Source.CRL);
        assertThat(status.status()).isEqualTo(Status.GOOD);
        assertThat(status.detail()).contains("connection refused");
    }

    @Test
    void sourcesThatCannotBeReachedAreLookupFailedNeverAPass() throws Exception {
        int closed = TestServers.freePort();
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create("http://127.0.0.1:" + closed + "/ocsp")),
                Optional.of(URI.create(base + "/missing.crl")));

        RevocationStatus status = check(leaf, Optional.empty());

        assertThat(status.source()).isEqualTo(Source.OCSP);
        assertThat(status.status()).isEqualTo(Status.LOOKUP_FAILED);
        assertThat(status.detail()).contains("connection refused", "HTTP 404");
    }

    @Test
    void responderThatDoesNotAnswerInTimeIsLookupFailed() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create(base + "/slow-ocsp")), Optional.empty());
        answers.put("/slow-ocsp", ca.ocspResponse(leaf.certificate(), false));
        EnvironmentConfig impatient = Scans.config(null).newBuilder()
                .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1))).build();

        long started = System.nanoTime();

        RevocationStatus status;
        try {
            status = new RevocationChecker(impatient, Instant.now())
                    .check(leaf.certificate(), Optional.of(ca.certificate()), Optional.empty());
        } finally {
            slowReleased.countDown();
        }

        // The responder was still holding the request when the lookup returned, so the lookup gave up on a timeout
        // of its own; one that waited for the answer would have got GOOD after HELD_AT_MOST.
        assertThat(status.status()).isEqualTo(Status.LOOKUP_FAILED);
        assertThat(status.detail()).contains("no response within");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("gave up before the default read timeout, which it would wait if it ignored the configured 1 s")
                .isLessThan(Timeouts.DEFAULTS.read());
    }

    @Test
    void responderUrlOfAMappedHostIsDialledAtTheMapping() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create("http://ocsp.example.test/mapped")),
                Optional.empty());
        answers.put("/mapped", ca.ocspResponse(leaf.certificate(), false));
        EnvironmentConfig mapped = Scans.config(null,
                new HostMapping("ocsp.example.test", 80, "127.0.0.1", http.getAddress().getPort()));

        RevocationStatus status = new RevocationChecker(mapped, Instant.now())
                .check(leaf.certificate(), Optional.of(ca.certificate()), Optional.empty());

        assertThat(status.status()).isEqualTo(Status.GOOD);
    }

    @Test
    void stapleSignedByAStrangerIsNotBelievedAndWithoutOtherSourcesIsLookupFailed() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.empty(), Optional.empty());
        byte[] forged = ca.ocspResponse(leaf.certificate(), false, KeyType.EC_P256.generate().getPrivate());

        RevocationStatus status = check(leaf, Optional.of(forged));

        assertThat(status.source()).isEqualTo(Source.STAPLE);
        assertThat(status.status()).isEqualTo(Status.LOOKUP_FAILED);
        assertThat(status.detail()).contains("signature does not verify");
    }

    @Test
    void stapleWithResponderErrorFallsBackToOcsp() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.of(URI.create(base + "/ocsp-after-staple")), Optional.empty());
        answers.put("/ocsp-after-staple", ca.ocspResponse(leaf.certificate(), false));

        RevocationStatus status = check(leaf, Optional.of(TestCa.ocspStatusOnly(OCSPRespBuilder.TRY_LATER)));

        assertThat(status.source()).isEqualTo(Source.OCSP);
        assertThat(status.status()).isEqualTo(Status.GOOD);
        assertThat(status.detail()).contains("tryLater");
    }

    @Test
    void leafNamingNoSourceWithoutStapleHasNoSource() throws Exception {
        IssuedCertificate leaf = ca.leaf(HOST, Optional.empty(), Optional.empty());

        assertThat(check(leaf, Optional.empty())).extracting(RevocationStatus::source, RevocationStatus::status)
                .containsExactly(Source.NONE, Status.NO_SOURCE);
    }

    private static RevocationStatus check(IssuedCertificate leaf, Optional<byte[]> staple) {
        return new RevocationChecker(Scans.config(null), Instant.now())
                .check(leaf.certificate(), Optional.of(ca.certificate()), staple);
    }

    private static void awaitRelease() {
        try {
            slowReleased.await(HELD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
