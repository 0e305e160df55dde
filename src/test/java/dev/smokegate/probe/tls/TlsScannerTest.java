package dev.smokegate.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Catalogue;
import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.Timeouts;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.OriginTimeouts;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.tls.TestServers.Answer;
import dev.smokegate.probe.tls.TestServers.JdkServer;
import dev.smokegate.probe.tls.TestServers.ScriptedServer;
import dev.smokegate.probe.tls.TestServers.SilentServer;
import dev.smokegate.probe.tls.TlsObservation.AcceptedSuite;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.reference.net.FaultyProxy;
import dev.smokegate.reference.net.ProxyFaults;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import dev.smokegate.reference.pki.LeafSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner against JDK TLS servers, scripted legacy servers and hosts that are down. */
class TlsScannerTest {

    private static final String HOST = "app.example.test";
    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Scanner Test Root");
    private static final CertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("Scanner Test Issuing CA");
    private static final IssuedCertificate LEAF = INTERMEDIATE.issue(LeafSpec.forHosts(HOST).build());

    @TempDir
    static Path dir;
    private static EnvironmentConfig config;

    @BeforeAll
    static void trustTheTestRoot() throws Exception {
        config = Scans.config(Scans.caFile(dir, ROOT.certificate()));
    }

    @Test
    void healthyServerAcceptsOnlyTls12And13WithForwardSecrecyAndItsChainIsTrustedUnderTheExtraCa() throws Exception {
        try (JdkServer server = new JdkServer(LEAF.chain(), LEAF.privateKey())) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();

            assertThat(observation.failure()).isEmpty();
            assertThat(observation.handshakeSucceeded()).isTrue();
            assertThat(observation.host()).isEqualTo(HOST);
            assertThat(observation.port()).isEqualTo(443);
            assertThat(observation.dialled()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(observation.chain()).containsExactly(LEAF.certificate(), INTERMEDIATE.certificate());
            assertThat(accepted(observation)).containsExactlyInAnyOrder(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
            assertThat(observation.versions()).containsOnlyKeys(TlsVersion.values());
            assertThat(observation.versions().get(TlsVersion.TLS_1_0).detail()).startsWith("refused");
            assertThat(observation.acceptedSuites()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.name()).startsWith("TLS_ECDHE_ECDSA_WITH_"))
                    .allSatisfy(s -> assertThat(s.version()).isEqualTo(TlsVersion.TLS_1_2));
            assertThat(observation.serverChoices()).containsOnlyKeys(TlsVersion.TLS_1_2);
            assertThat(observation.serverChoices().get(TlsVersion.TLS_1_2).name())
                    .startsWith("TLS_ECDHE_ECDSA_WITH_AES_");
            assertThat(observation.modernOfferRefused()).isEmpty();
            assertThat(observation.dheGroupBits()).isEmpty();
            assertThat(observation.secureRenegotiation()).contains(true);
            assertThat(observation.stapledOcsp()).isEmpty();
            assertThat(observation.tlsExtensionScts()).isZero();
            assertThat(observation.path().trusted()).isTrue();
            assertThat(observation.path().complete()).isTrue();
            assertThat(observation.path().anchor()).contains(ROOT.certificate().getSubjectX500Principal().getName());
            assertThat(observation.path().systemAnchor()).isFalse();
            assertThat(observation.path().problem()).isEmpty();
            assertThat(observation.revocation().status()).isEqualTo(RevocationStatus.Status.NO_SOURCE);
            assertThat(result.handshakes()).as("default, TLS 1.2, TLS 1.0+1.1, SSLv3, one suite round")
                    .isEqualTo(5);
        }
    }

    @Test
    void tls13OnlyServerHasNoLegacySuitesAndNoRenegotiationFact() throws Exception {
        try (JdkServer server = new JdkServer(LEAF.chain(), LEAF.privateKey(), "TLSv1.3")) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();

            assertThat(accepted(observation)).containsExactly(TlsVersion.TLS_1_3);
            assertThat(observation.acceptedSuites()).isEmpty();
            assertThat(observation.secureRenegotiation()).isEmpty();
            assertThat(observation.handshakeSucceeded()).isTrue();
            assertThat(result.handshakes()).as("default, TLS 1.2, TLS 1.0+1.1, SSLv3").isEqualTo(4);
        }
    }

    @Test
    void mappedHostIsDialledAtTheMappingWhileSniCarriesThePublicName() throws Exception {
        try (JdkServer server = new JdkServer(LEAF.chain(), LEAF.privateKey())) {
            EnvironmentConfig mapped = Scans.config(Scans.caFile(dir, ROOT.certificate()),
                    new HostMapping(HOST, 443, "127.0.0.1", server.port()));
            TlsObservation observation = TlsProbes.scan(HOST, 443).probe().observe(new ProbeContext(mapped, null));

            assertThat(observation.dialled()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(observation.handshakeSucceeded()).isTrue();
            assertThat(Set.copyOf(server.serverNames)).containsExactly(HOST);
        }
    }

    @Test
    void ipv6LiteralInTlsHostsIsScannedWithoutSniAndItsIpSanCoversIt() throws Exception {
        IssuedCertificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts().ipAddresses("::1").build());
        try (JdkServer server = new JdkServer(InetAddress.getByName("::1"), leaf.chain(), leaf.privateKey(),
                "TLSv1.3", "TLSv1.2")) {
            EnvironmentConfig ipv6 = config.newBuilder()
                    .tls(new TlsSettings(List.of("[::1]:" + server.port()))).build();
            @SuppressWarnings("unchecked")
            Check<TlsObservation> hostname = (Check<TlsObservation>) Catalogue.all().stream()
                    .filter(c -> c.spec().id().equals("tls.cert.hostname")).findFirst().orElseThrow();

            Target target = hostname.targets(ipv6).get(0);
            TlsObservation observation = hostname.observation(target, ipv6).probe()
                    .observe(new ProbeContext(ipv6, null));

            assertThat(hostname.targets(ipv6)).containsExactly(new Target("tls", "[::1]:" + server.port()));
            assertThat(observation.handshakeSucceeded()).isTrue();
            assertThat(observation.dialled()).isEqualTo("[::1]:" + server.port());
            assertThat(server.serverNames).as("no SNI for an IP literal").isEmpty();
            assertThat(hostname.judge(observation, target, ipv6).status()).isEqualTo(Verdict.Status.PASS);
        }
    }

    @Test
    void probeKeyNamesHostAndPort() {
        assertThat(TlsProbes.scan(HOST, 8443).key()).isEqualTo("tls scan app.example.test:8443");
    }

    @Test
    void chainSentInWrongOrderWithTheRootIsRecordedAsSentAndStillTrusted() throws Exception {
        List<X509Certificate> sent = List.of(LEAF.certificate(), ROOT.certificate(), INTERMEDIATE.certificate());
        try (JdkServer server = new JdkServer(sent, LEAF.privateKey())) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.chain()).containsExactlyElementsOf(sent);
            assertThat(observation.path().trusted()).isTrue();
            assertThat(observation.path().complete()).isTrue();
        }
    }

    @Test
    void leafSentWithoutItsIntermediateIsIncompleteAndUntrusted() throws Exception {
        try (JdkServer server = new JdkServer(List.of(LEAF.certificate()), LEAF.privateKey())) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.chain()).containsExactly(LEAF.certificate());
            assertThat(observation.path().trusted()).isFalse();
            assertThat(observation.path().complete()).isFalse();
            assertThat(observation.path().problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("incomplete chain").contains("Scanner Test Issuing CA"));
        }
    }

    @Test
    void chainFromAnotherRootIsCompleteButUntrusted() throws Exception {
        CertificateAuthority otherRoot = CertificateAuthority.createRoot("Unknown Root");
        IssuedCertificate stranger = otherRoot.issueIntermediate("Unknown Issuing CA")
                .issue(LeafSpec.forHosts(HOST).build());
        try (JdkServer server = new JdkServer(stranger.chain(), stranger.privateKey())) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.path().trusted()).isFalse();
            assertThat(observation.path().complete()).isTrue();
            assertThat(observation.path().anchor()).isEmpty();
            assertThat(observation.path().problem()).hasValueSatisfying(p -> assertThat(p)
                    .contains("Unknown Root").contains("not a trusted root"));
        }
    }

    @Test
    void portNobodyListensOnFailsFastWithConnectionRefused() throws Exception {
        int port = TestServers.freePort();
        // A refusal taken for anything else (and retried, or waited on) would last until this connect timeout.
        Duration connectTimeout = Duration.ofSeconds(30);
        EnvironmentConfig patient = config.newBuilder()
                .timeouts(new Timeouts(connectTimeout, Scans.FAST.read(), Scans.FAST.runDeadline())).build();
        Scans.Result result = Scans.scan(HOST, port, patient);

        assertThat(result.observation().failure()).hasValueSatisfying(f -> assertThat(f)
                .contains("connection refused").contains("127.0.0.1:" + port));
        assertThat(result.observation().handshakeSucceeded()).isFalse();
        assertThat(result.observation().chain()).isEmpty();
        assertThat(result.observation().versions()).as("not tested").isEmpty();
        assertThat(result.observation().path().trusted()).isFalse();
        assertThat(result.observation().revocation().status()).isEqualTo(RevocationStatus.Status.LOOKUP_FAILED);
        assertThat(result.handshakes()).isEqualTo(1);
        assertThat(result.elapsed()).isLessThan(connectTimeout);
    }

    @Test
    void serverThatNeverAnswersFailsWithNoResponseWithinAfterOneReadTimeout() throws Exception {
        try (SilentServer server = new SilentServer()) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);

            // The read timeout ended the one handshake (the connection's deadline would say 4s), and nothing was
            // tried after it: one read timeout in all. It was waited out in full, measured from before the scan.
            assertThat(result.observation().failure()).hasValueSatisfying(f -> assertThat(f)
                    .contains("no response within 2s"));
            assertThat(result.handshakes()).isEqualTo(1);
            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Scans.FAST.read());
        }
    }

    @Test
    void aServerThatStallsAfterItsServerHelloIsSaidToHaveStalledThere() throws Exception {
        try (ScriptedServer server = new ScriptedServer(hello -> Answer.hello(0x0303,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, true), true)) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.failure()).hasValueSatisfying(f -> assertThat(f)
                    .isEqualTo("stalled after the ServerHello: no Certificate within 2s"));
        }
    }

    @Test
    void aResetDuringTheScanRetriesThatStepAloneAndIsRecorded() throws Exception {
        try (JdkServer server = new JdkServer(LEAF.chain(), LEAF.privateKey());
             FaultyProxy edge = FaultyProxy.start("scan-edge", new InetSocketAddress("127.0.0.1", server.port()),
                     ProxyFaults.NONE.withResetFirst(1))) {
            Scans.Result result = Scans.scan(HOST, edge.port(), config);

            assertThat(result.observation().handshakeSucceeded()).isTrue();
            assertThat(accepted(result.observation())).containsExactlyInAnyOrder(TlsVersion.TLS_1_2,
                    TlsVersion.TLS_1_3);
            assertThat(result.observation().retries()).containsExactly(TransportError.RESET);
            assertThat(result.handshakes()).as("the same steps as without the reset").isEqualTo(5);
            assertThat(edge.connections()).as("each step once, the reset one twice").isEqualTo(6);
        }
    }

    @Test
    void aHostWhoseAddressTimedOutEarlierInTheRunIsNotScannedAgain() throws Exception {
        try (SilentServer server = new SilentServer()) {
            OriginTimeouts run = new OriginTimeouts();
            run.timedOut(new OriginTimeouts.Origin(true, "127.0.0.1", server.port()), "GET https://" + HOST + "/",
                    "no response within 2s from " + HOST + ":443");

            Scans.Result result = Scans.scan(HOST, server.port(), config, run);

            assertThat(result.observation().failure()).contains("not scanned: 127.0.0.1:" + server.port()
                    + " timed out earlier in this run (GET https://" + HOST + "/: no response within 2s from " + HOST
                    + ":443)");
            assertThat(result.handshakes()).isZero();
        }
    }

    @Test
    void aSilentHostTellsTheRestOfTheRunThatItTimedOut() throws Exception {
        try (SilentServer server = new SilentServer()) {
            OriginTimeouts run = new OriginTimeouts();

            Scans.scan(HOST, server.port(), config, run);

            assertThat(run.earlier(new OriginTimeouts.Origin(true, "127.0.0.1", server.port()))).hasValueSatisfying(
                    e -> assertThat(e).contains("TLS handshake with " + HOST + ":443: no response within 2s"));
        }
    }

    @Test
    void unresolvableHostFailsWithCouldNotResolveHost() throws Exception {
        TlsScanner scanner = new TlsScanner("no-such-host.invalid", 443, config, new OriginTimeouts(),
                java.time.Clock.systemUTC());
        TlsObservation observation = scanner.scan();

        assertThat(observation.failure()).hasValueSatisfying(f -> assertThat(f)
                .contains("could not resolve host no-such-host.invalid"));
        assertThat(scanner.handshakes()).isEqualTo(1);
    }

    /**
     * OpenSSL 3 can serve neither SSLv3 nor RC4 nor 3DES, so a scripted server answers like an old one would:
     * TLS 1.0 at most, SSLv3 too, RC4-SHA preferred over 3DES, no RFC 5746.
     */
    @Test
    void sslv3Rc4And3desServerIsNamedVersionBySuiteAndLacksSecureRenegotiation() throws Exception {
        List<Integer> preference = List.of(CipherSuite.TLS_RSA_WITH_RC4_128_SHA,
                CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);
        try (ScriptedServer server = new ScriptedServer(hello -> {
            int version = Math.min(hello.version(), 0x0301);
            return preference.stream().filter(hello.suites()::contains).findFirst()
                    .map(suite -> Answer.hello(version, suite, false))
                    .orElse(Answer.alert(AlertDescription.handshake_failure));
        })) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();

            assertThat(accepted(observation)).containsExactlyInAnyOrder(TlsVersion.SSL_3_0, TlsVersion.TLS_1_0);
            assertThat(observation.versions().get(TlsVersion.TLS_1_2).detail())
                    .contains("answered with TLSv1.0");
            assertThat(observation.versions().get(TlsVersion.SSL_3_0).detail())
                    .isEqualTo("accepted: server chose TLS_RSA_WITH_RC4_128_SHA");
            assertThat(observation.acceptedSuites()).containsExactlyInAnyOrder(
                    new AcceptedSuite(TlsVersion.TLS_1_0, 0x0005, "TLS_RSA_WITH_RC4_128_SHA"),
                    new AcceptedSuite(TlsVersion.TLS_1_0, 0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
                    new AcceptedSuite(TlsVersion.SSL_3_0, 0x0005, "TLS_RSA_WITH_RC4_128_SHA"),
                    new AcceptedSuite(TlsVersion.SSL_3_0, 0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
            assertThat(observation.secureRenegotiation()).contains(false);
            assertThat(observation.modernOfferRefused()).contains("server sent alert handshake_failure");
            assertThat(observation.failure()).hasValueSatisfying(f -> assertThat(f)
                    .startsWith("TLS handshake failed").contains("handshake_failure")
                    .contains("it chose TLS_RSA_WITH_RC4_128_SHA on TLSv1.0, but no certificate followed: server "
                            + "closed the connection after the ServerHello without an alert, waiting for the "
                            + "Certificate"));
            assertThat(server.hellos).anySatisfy(h -> assertThat(h.version()).isEqualTo(0x0300));
        }
    }

    /**
     * A server that accepts only suites a current client does not offer: the scanner still reads its chain (as
     * testssl.sh and sslscan do) by offering everything, and says a current client was refused. For suites
     * BouncyCastle cannot run (RC4, single DES, IDEA, EXPORT) the certificate is read all the same.
     */
    @ParameterizedTest
    @ValueSource(ints = {CipherSuite.TLS_RSA_WITH_NULL_SHA256, CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_RC4_128_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA,
            CipherSuite.TLS_RSA_WITH_DES_CBC_SHA, CipherSuite.TLS_RSA_WITH_IDEA_CBC_SHA,
            CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5, CipherSuite.TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA})
    void aServerThatRefusesACurrentClientStillHasItsChainReadAndItsOnlySuiteNamed(int suite) throws Exception {
        IssuedCertificate rsa = INTERMEDIATE.issue(LeafSpec.forHosts(HOST).keyType(KeyType.RSA_2048).build());
        try (ScriptedServer server = new ScriptedServer(hello -> hello.version() == 0x0303
                && hello.suites().contains(suite) ? Answer.helloAndCertificate(0x0303, suite, rsa.chain())
                : Answer.alert(AlertDescription.handshake_failure))) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();
            AcceptedSuite only = new AcceptedSuite(TlsVersion.TLS_1_2, suite, CipherSuites.name(suite));

            assertThat(observation.modernOfferRefused()).contains("server sent alert handshake_failure");
            assertThat(observation.failure()).isEmpty();
            assertThat(observation.handshakeSucceeded()).isTrue();
            assertThat(observation.chain()).containsExactlyElementsOf(rsa.chain());
            assertThat(observation.path().trusted()).isTrue();
            assertThat(observation.acceptedSuites()).containsExactly(only);
            assertThat(observation.serverChoices()).containsExactlyEntriesOf(Map.of(TlsVersion.TLS_1_2, only));
            assertThat(accepted(observation)).containsExactly(TlsVersion.TLS_1_2);
            assertThat(result.handshakes()).as("default, everything, TLS 1.3, TLS 1.0+1.1, SSLv3, one suite round")
                    .isEqualTo(6);
        }
    }

    @Test
    void aServerThatRefusesEveryOfferSaysSoTwice() throws Exception {
        try (ScriptedServer server = new ScriptedServer(hello -> Answer.alert(AlertDescription.handshake_failure))) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.modernOfferRefused()).contains("server sent alert handshake_failure");
            assertThat(observation.failure()).contains("TLS handshake failed: server sent alert handshake_failure "
                    + "(offered TLSv1.0–TLSv1.3 with the cipher suites of a current client); offered every suite the "
                    + "scanner knows on TLSv1.0–TLSv1.2, it refused again: server sent alert handshake_failure");
            assertThat(observation.acceptedSuites()).isEmpty();
            assertThat(accepted(observation)).isEmpty();
        }
    }

    @Test
    void exportAndSingleDesSuitesAreOfferedAndNamed() throws Exception {
        List<Integer> preference = List.of(CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5,
                CipherSuite.TLS_RSA_WITH_DES_CBC_SHA, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        try (ScriptedServer server = new ScriptedServer(hello -> preference.stream()
                .filter(hello.suites()::contains).findFirst()
                .filter(suite -> hello.version() == 0x0303)
                .map(suite -> Answer.hello(0x0303, suite, true))
                .orElse(Answer.alert(AlertDescription.protocol_version)))) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.acceptedSuites()).extracting(AcceptedSuite::name).contains(
                    "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "TLS_RSA_WITH_DES_CBC_SHA",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(observation.secureRenegotiation()).contains(true);
        }
    }

    private static Set<TlsVersion> accepted(TlsObservation observation) {
        return observation.versions().entrySet().stream().filter(e -> e.getValue().accepted())
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }
}
