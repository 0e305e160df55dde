package dev.smokegate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.services.ClientTimeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One deployment for the whole class; every test leaves it healed. */
@ExternalProcesses
class ReferenceDeploymentTest {

    private static final String APP = "https://" + ReferenceHosts.FRONTEND;
    private static final String API = "https://" + ReferenceHosts.BACKEND;
    private static final String WWW = "https://" + ReferenceHosts.WWW;

    private static ReferenceDeployment deployment;
    private static MappedHttpClient client;

    @BeforeAll
    static void startDeployment() throws IOException {
        deployment = ReferenceDeployment.start();
        client = new MappedHttpClient(deployment.connectTo(), TlsContexts.trustingOnly(deployment.rootCertificate()));
    }

    @AfterAll
    static void closeDeployment() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    @Test
    void connectToMapsPort443And80OfEveryPublicHostToLoopback() {
        assertThat(deployment.connectTo()).containsExactly(
                ReferenceHosts.FRONTEND + ":443 -> 127.0.0.1:" + deployment.httpsPort(ReferenceHosts.FRONTEND),
                ReferenceHosts.FRONTEND + ":80 -> 127.0.0.1:" + deployment.httpPort(),
                ReferenceHosts.BACKEND + ":443 -> 127.0.0.1:" + deployment.httpsPort(ReferenceHosts.BACKEND),
                ReferenceHosts.BACKEND + ":80 -> 127.0.0.1:" + deployment.httpPort(),
                ReferenceHosts.WWW + ":443 -> 127.0.0.1:" + deployment.httpsPort(ReferenceHosts.WWW),
                ReferenceHosts.WWW + ":80 -> 127.0.0.1:" + deployment.httpPort(),
                ReferenceHosts.APEX + ":443 -> 127.0.0.1:" + deployment.httpsPort(ReferenceHosts.APEX),
                ReferenceHosts.APEX + ":80 -> 127.0.0.1:" + deployment.httpPort(),
                ReferenceHosts.GITHUB + ":443 -> 127.0.0.1:" + deployment.httpsPort(ReferenceHosts.GITHUB),
                ReferenceHosts.GITHUB + ":80 -> 127.0.0.1:" + deployment.httpPort());
    }

    @Test
    void caCertificateFileHoldsOnlyTheSelfSignedRootCertificate() throws Exception {
        Path file = deployment.caCertificateFile();
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        List<Certificate> certificates;
        try (var in = Files.newInputStream(file)) {
            certificates = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }

        assertThat(pem).doesNotContain("PRIVATE KEY");
        assertThat(certificates).containsExactly(deployment.rootCertificate());
        X509Certificate root = deployment.rootCertificate();
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(root.getBasicConstraints()).isNotNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW})
    void httpsSendsLeafThenIntermediateThatValidateToTheRootForTheHostName(String host) throws Exception {
        List<X509Certificate> chain = client.get("https://" + host + "/").chain();

        assertThat(chain).hasSize(2);
        X509Certificate leaf = chain.get(0);
        X509Certificate intermediate = chain.get(1);
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, host));
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
        assertThat(intermediate.getBasicConstraints()).isZero();
        assertThat(intermediate.getIssuerX500Principal())
                .isEqualTo(deployment.rootCertificate().getSubjectX500Principal());
        assertThat(chain).doesNotContain(deployment.rootCertificate());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(deployment.rootCertificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }

    @Test
    void handshakeFailsWhenTheClientExpectsAnotherHostName() {
        assertThatThrownBy(() -> client.get(APP + "/", ReferenceHosts.BACKEND, Duration.ofSeconds(5)))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative DNS name matching " + ReferenceHosts.BACKEND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard/settings?tab=2"})
    void frontendServesTheHtmlPageOnAnyPath(String path) throws IOException {
        MappedHttpClient.Exchange page = client.get(APP + path);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>smokegate reference app</title>");
    }

    @Test
    void healthAnswersOk() throws IOException {
        MappedHttpClient.Exchange health = client.get(API + "/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).isEqualTo("application/json");
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/db", "/health/redis"})
    void dependencyHealthAnswersOkWithLatency(String path) throws IOException {
        MappedHttpClient.Exchange health = client.get(API + path);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).matches("\\{\"status\":\"ok\",\"latencyMs\":\\d+}");
    }

    @Test
    void wwwRedirectsPermanentlyToTheApexKeepingPathAndQuery() throws IOException {
        MappedHttpClient.Exchange redirect = client.get(WWW + "/some/path?q=1&r=%2F");

        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo(APP + "/some/path?q=1&r=%2F");
    }

    @ParameterizedTest
    @ValueSource(strings = {ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW})
    void plainHttpRedirectsPermanentlyToHttpsOnTheSameHost(String host) throws IOException {
        MappedHttpClient.Exchange redirect = client.get("http://" + host + "/some/path?q=1");

        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo("https://" + host + "/some/path?q=1");
    }

    @Test
    void responsesCarryNoServerOrPoweredByHeaderByDefault() throws IOException {
        for (String url : List.of(APP + "/", API + "/health", WWW + "/", "http://" + ReferenceHosts.FRONTEND + "/")) {
            MappedHttpClient.Exchange exchange = client.get(url);
            assertThat(exchange.headers()).as(url).doesNotContainKeys("server", "x-powered-by");
        }
    }

    @Test
    void privateKeysInTheWorkDirectoryAreReadableByTheirOwnerOnly() throws IOException {
        List<Path> keys;
        try (Stream<Path> files = Files.walk(deployment.workDirectory())) {
            keys = files.filter(Files::isRegularFile).filter(ReferenceDeploymentTest::holdsPrivateKey).toList();
        }

        assertThat(keys).hasSize(2); // the loopback leaf's key, once for Postgres and once for Redis
        for (Path key : keys) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as(key.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void health500FaultMakesHealthAnswer500UntilHealed() throws IOException {
        deployment.inject(Fault.HEALTH_500);
        MappedHttpClient.Exchange broken = client.get(API + "/health");
        deployment.heal();

        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.body()).contains("\"status\":\"error\"");
        assertThat(client.get(API + "/health").status()).isEqualTo(200);
    }

    @Test
    void healthHangsFaultHoldsHealthRequestsWithoutBlockingOthersUntilHealed() throws Exception {
        deployment.inject(Fault.HEALTH_HANGS);
        CompletableFuture<MappedHttpClient.Exchange> held = CompletableFuture.supplyAsync(() -> {
            try {
                return client.get(API + "/health", Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThatThrownBy(() -> client.get(API + "/health", Duration.ofMillis(500)))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(held).isNotDone();
        assertThat(client.get(API + "/health/redis").status()).isEqualTo(200);
        assertThat(client.get(APP + "/").status()).isEqualTo(200);

        deployment.heal();
        assertThat(held).failsWithin(5, TimeUnit.SECONDS); // released by closing the connection, not by answering
        assertThat(client.get(API + "/health").status()).isEqualTo(200);
    }

    @Test
    void postgresStoppedFaultStopsPostgresSoDbHealthFailsFastAndHealRestartsIt() throws IOException {
        deployment.inject(Fault.POSTGRES_STOPPED);
        MappedHttpClient.Exchange broken = client.get(API + "/health/db");

        assertThat(deployment.postgres().isRunning()).isFalse();
        assertThat(deployment.postgres().process()).isEmpty();
        assertThat(broken.status()).isEqualTo(503);
        // Fast without a clock: the refused connection failed the check, and a refusal is immediate; a check that
        // waited instead would end in a timeout, which the driver words differently.
        assertThat(broken.body()).startsWith("{\"status\":\"error\",\"error\":\"").contains("refused");
        assertThat(client.get(API + "/health/redis").status()).isEqualTo(200);

        deployment.heal();
        assertThat(deployment.postgres().isRunning()).isTrue();
        assertThat(client.get(API + "/health/db").status()).isEqualTo(200);
    }

    @Test
    void redisStoppedFaultStopsRedisSoRedisHealthFailsFastAndHealRestartsIt() throws IOException {
        deployment.inject(Fault.REDIS_STOPPED);
        long started = System.nanoTime();
        MappedHttpClient.Exchange broken = client.get(API + "/health/redis");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(deployment.redis().isRunning()).isFalse();
        assertThat(broken.status()).isEqualTo(503);
        assertThat(broken.body()).startsWith("{\"status\":\"error\",\"error\":\"");
        // Jedis words a refusal and a timeout alike, so time tells them apart: no client timeout of the check can
        // have run out yet, hence the stopped Redis refused the connection and that failed the check.
        assertThat(took).isLessThan(ClientTimeouts.HEALTH_CHECK.connect());
        assertThat(client.get(API + "/health/db").status()).isEqualTo(200);

        deployment.heal();
        assertThat(deployment.redis().isRunning()).isTrue();
        assertThat(client.get(API + "/health/redis").status()).isEqualTo(200);
    }

    @Test
    void noHttpsRedirectFaultServesContentOverPlainHttp() throws IOException {
        deployment.inject(Fault.NO_HTTPS_REDIRECT);

        MappedHttpClient.Exchange page = client.get("http://" + ReferenceHosts.FRONTEND + "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("smokegate reference app");
        assertThat(client.get("http://" + ReferenceHosts.WWW + "/").status()).isEqualTo(200);
        MappedHttpClient.Exchange health = client.get("http://" + ReferenceHosts.BACKEND + "/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void temporaryRedirectFaultUpgradesToHttpsWith302() throws IOException {
        deployment.inject(Fault.TEMPORARY_REDIRECT);
        MappedHttpClient.Exchange redirect = client.get("http://" + ReferenceHosts.FRONTEND + "/a?b=c");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo(APP + "/a?b=c");
    }

    @Test
    void redirectToOtherHostFirstFaultSendsPlainAppRequestsToHttpsWww() throws IOException {
        deployment.inject(Fault.REDIRECT_TO_OTHER_HOST_FIRST);
        MappedHttpClient.Exchange redirect = client.get("http://" + ReferenceHosts.FRONTEND + "/a?b=c");

        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo(WWW + "/a?b=c");
        assertThat(client.get("http://" + ReferenceHosts.BACKEND + "/health").header("Location"))
                .isEqualTo(API + "/health");
    }

    @Test
    void wwwNotRedirectingFaultServesThePageOnWww() throws IOException {
        deployment.inject(Fault.WWW_NOT_REDIRECTING);
        MappedHttpClient.Exchange page = client.get(WWW + "/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("smokegate reference app");
    }

    @Test
    void versionedServerBannerFaultAddsVersionedHeadersOnFrontendAndBackend() throws IOException {
        deployment.inject(Fault.VERSIONED_SERVER_BANNER);

        for (String url : List.of(APP + "/", API + "/health")) {
            MappedHttpClient.Exchange exchange = client.get(url);
            assertThat(exchange.header("Server")).as(url).isEqualTo("nginx/1.18.0 (Ubuntu)");
            assertThat(exchange.header("X-Powered-By")).as(url).isEqualTo("Express 4.17.1");
        }
    }

    @Test
    void faultsListsWhatIsInjectedAndHealClearsIt() {
        deployment.inject(Fault.HEALTH_500);
        deployment.inject(Fault.TEMPORARY_REDIRECT);
        Set<Fault> injected = deployment.faults();
        deployment.heal();

        assertThat(injected).containsExactly(Fault.HEALTH_500, Fault.TEMPORARY_REDIRECT);
        assertThat(deployment.faults()).isEmpty();
    }

    private static boolean holdsPrivateKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
