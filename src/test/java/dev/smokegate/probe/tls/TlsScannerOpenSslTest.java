package dev.smokegate.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.tls.CipherSuites.Family;
import dev.smokegate.probe.tls.TestServers.OpenSslServer;
import dev.smokegate.probe.tls.TlsObservation.AcceptedSuite;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import dev.smokegate.reference.pki.LeafSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner against {@code openssl s_server}, which (at security level 0) still serves what a scan must find:
 * TLS 1.0/1.1, NULL suites, static RSA and 1024-bit DHE, and OCSP staples.
 */
@ExternalProcesses
class TlsScannerOpenSslTest {

    private static final String HOST = "legacy.example.test";
    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("OpenSSL Test Root");
    private static final CertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("OpenSSL Test Issuing CA");
    private static final IssuedCertificate EC_LEAF = INTERMEDIATE.issue(LeafSpec.forHosts(HOST).build());
    private static final IssuedCertificate RSA_LEAF =
            INTERMEDIATE.issue(LeafSpec.forHosts(HOST).keyType(KeyType.RSA_2048).build());

    @TempDir
    static Path dir;
    private static EnvironmentConfig config;

    @BeforeAll
    static void trustTheTestRoot() throws Exception {
        config = Scans.config(Scans.caFile(dir, ROOT.certificate()));
    }

    @Test
    void tls10And11AreFoundAcceptedNextToTls12And13() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, EC_LEAF.chain(), EC_LEAF.privateKey(),
                "-min_protocol", "TLSv1", "-cipher", "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES128-GCM-SHA256:@SECLEVEL=0")) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();

            assertThat(observation.versions().get(TlsVersion.TLS_1_0).accepted()).isTrue();
            assertThat(observation.versions().get(TlsVersion.TLS_1_1).accepted()).isTrue();
            assertThat(observation.versions().get(TlsVersion.TLS_1_2).accepted()).isTrue();
            assertThat(observation.versions().get(TlsVersion.TLS_1_3).accepted()).isTrue();
            assertThat(observation.versions().get(TlsVersion.SSL_3_0).accepted()).isFalse();
            assertThat(observation.versions().get(TlsVersion.TLS_1_0).detail())
                    .isEqualTo("accepted: server chose TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
            assertThat(observation.acceptedSuites()).contains(
                    new AcceptedSuite(TlsVersion.TLS_1_0, 0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
                    new AcceptedSuite(TlsVersion.TLS_1_1, 0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"));
            assertThat(observation.path().trusted()).isTrue();
            assertThat(result.handshakes()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void acceptedNullSuiteIsNamed() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, EC_LEAF.chain(), EC_LEAF.privateKey(),
                "-min_protocol", "TLSv1.2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0")) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.acceptedSuites()).contains(
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA"),
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
            assertThat(accepted(observation, TlsVersion.TLS_1_0)).isFalse();
        }
    }

    @Test
    void nullOnlyServerRefusesACurrentClientButItsChainIsReadAndBothNullSuitesNamed() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(), "-no_tls1_3",
                "-min_protocol", "TLSv1.2", "-cipher", "NULL-SHA256:NULL-SHA:@SECLEVEL=0")) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.modernOfferRefused()).contains("server sent alert handshake_failure");
            assertThat(observation.failure()).isEmpty();
            assertThat(observation.chain()).containsExactlyElementsOf(RSA_LEAF.chain());
            assertThat(observation.path().trusted()).isTrue();
            assertThat(observation.acceptedSuites()).containsExactlyInAnyOrder(
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0x003B, "TLS_RSA_WITH_NULL_SHA256"),
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0x0002, "TLS_RSA_WITH_NULL_SHA"));
            assertThat(observation.serverChoices().get(TlsVersion.TLS_1_2).name()).startsWith("TLS_RSA_WITH_NULL_");
        }
    }

    @Test
    void aServerPreferringStaticRsaGivesACurrentClientNoForwardSecrecyThoughItAcceptsEcdhe() throws Exception {
        String ciphers = "AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";
        try (OpenSslServer preferring = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(),
                "-serverpref", "-cipher", ciphers);
             OpenSslServer following = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(),
                     "-cipher", ciphers)) {
            TlsObservation serverOrder = Scans.scan(HOST, preferring.port(), config).observation();
            TlsObservation clientOrder = Scans.scan(HOST, following.port(), config).observation();

            for (TlsObservation observation : List.of(serverOrder, clientOrder)) {
                assertThat(observation.acceptedSuites()).extracting(AcceptedSuite::name).containsExactlyInAnyOrder(
                        "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
                assertThat(observation.modernOfferRefused()).isEmpty();
            }
            assertThat(serverOrder.serverChoices().get(TlsVersion.TLS_1_2).name())
                    .isEqualTo("TLS_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(clientOrder.serverChoices().get(TlsVersion.TLS_1_2).name())
                    .isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void staticRsaOnlyServerShowsNoForwardSecretSuiteOnTls12() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(),
                "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384")) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.failure()).isEmpty();
            assertThat(observation.acceptedSuites()).isNotEmpty().allSatisfy(suite -> {
                assertThat(suite.version()).isEqualTo(TlsVersion.TLS_1_2);
                assertThat(CipherSuites.byCode(suite.code()).in(Family.STATIC_RSA)).isTrue();
            });
            assertThat(observation.acceptedSuites()).extracting(AcceptedSuite::name)
                    .contains("TLS_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(observation.dheGroupBits()).isEmpty();
        }
    }

    @Test
    void dheWithA1024BitGroupIsMeasured() throws Exception {
        Path dhParameters = dir.resolve("rfc2409-group2.pem");
        writeDhParameters(dhParameters, DHStandardGroups.rfc2409_1024);
        try (OpenSslServer server = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(), "-dhparam",
                dhParameters.toString(), "-cipher", "DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0")) {
            TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

            assertThat(observation.dheGroupBits()).hasValue(1024);
            assertThat(observation.acceptedSuites()).contains(
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
                    new AcceptedSuite(TlsVersion.TLS_1_2, 0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        }
    }

    @Test
    void dheOnlyTls12ServerYieldsItsChainAndGroupFromTheDefaultHandshake() throws Exception {
        Path dhParameters = dir.resolve("rfc2409-group2-only.pem");
        writeDhParameters(dhParameters, DHStandardGroups.rfc2409_1024);
        try (OpenSslServer server = new OpenSslServer(dir, RSA_LEAF.chain(), RSA_LEAF.privateKey(), "-no_tls1_3",
                "-dhparam", dhParameters.toString(), "-cipher", "DHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0")) {
            Scans.Result result = Scans.scan(HOST, server.port(), config);
            TlsObservation observation = result.observation();

            assertThat(observation.failure()).isEmpty();
            assertThat(observation.chain()).containsExactlyElementsOf(RSA_LEAF.chain());
            assertThat(observation.dheGroupBits()).hasValue(1024);
            assertThat(observation.acceptedSuites()).extracting(AcceptedSuite::name)
                    .containsExactly("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(observation.versions().get(TlsVersion.TLS_1_2).detail())
                    .isEqualTo("accepted: server chose TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void stapledRevokedResponseIsReportedAsRevokedByTheStaple() throws Exception {
        TestCa root = TestCa.root("Staple Test Root");
        TestCa issuing = root.intermediate("Staple Test Issuing CA");
        IssuedCertificate leaf = issuing.leaf(HOST, Optional.empty(), Optional.empty());
        byte[] response = issuing.ocspResponse(leaf.certificate(), true);
        Path statusFile = dir.resolve("revoked.ocsp.der");
        Files.write(statusFile, response);
        EnvironmentConfig trusting = Scans.config(Scans.caFile(dir, root.certificate()));
        try (OpenSslServer server = new OpenSslServer(dir, leaf.chain(), leaf.privateKey(),
                "-status_file", statusFile.toString())) {
            TlsObservation observation = Scans.scan(HOST, server.port(), trusting).observation();

            assertThat(observation.stapledOcsp()).hasValueSatisfying(der -> assertThat(der).isEqualTo(response));
            assertThat(observation.revocation().source()).isEqualTo(RevocationStatus.Source.STAPLE);
            assertThat(observation.revocation().status()).isEqualTo(RevocationStatus.Status.REVOKED);
            assertThat(observation.revocation().detail()).contains("REVOKED on", "keyCompromise",
                    "signed by the issuing CA");
            assertThat(observation.path().trusted()).isTrue();
        }
    }

    @Test
    void stapledGoodResponseOnTls12IsReportedGood() throws Exception {
        TestCa root = TestCa.root("Staple Test Root 2");
        IssuedCertificate leaf = root.leaf(HOST, Optional.empty(), Optional.empty());
        Path statusFile = dir.resolve("good.ocsp.der");
        Files.write(statusFile, root.ocspResponse(leaf.certificate(), false));
        try (OpenSslServer server = new OpenSslServer(dir, leaf.chain(), leaf.privateKey(), "-no_tls1_3",
                "-status_file", statusFile.toString())) {
            EnvironmentConfig trusting = Scans.config(Scans.caFile(dir, root.certificate()));
            TlsObservation observation = Scans.scan(HOST, server.port(), trusting).observation();

            assertThat(observation.versions().get(TlsVersion.TLS_1_3).accepted()).isFalse();
            assertThat(observation.stapledOcsp()).isPresent();
            assertThat(observation.revocation().source()).isEqualTo(RevocationStatus.Source.STAPLE);
            assertThat(observation.revocation().status()).isEqualTo(RevocationStatus.Status.GOOD);
        }
    }

    @Test
    void signedCertificateTimestampsFromTheTlsExtensionAreCountedOnTls13AndTls12() throws Exception {
        Path serverInfo = dir.resolve("scts.pem");
        writeSctServerInfo(serverInfo, 2);
        for (String tls13 : new String[] {"-tls1_3", "-no_tls1_3"}) {
            try (OpenSslServer server = new OpenSslServer(dir, EC_LEAF.chain(), EC_LEAF.privateKey(), tls13,
                    "-serverinfo", serverInfo.toString())) {
                TlsObservation observation = Scans.scan(HOST, server.port(), config).observation();

                assertThat(observation.tlsExtensionScts()).as(tls13).isEqualTo(2);
            }
        }
    }

    private static boolean accepted(TlsObservation observation, TlsVersion version) {
        return observation.versions().containsKey(version) && observation.versions().get(version).accepted();
    }

    /**
     * An s_server {@code -serverinfo} file (SERVERINFOV2: context, type, length, data) that answers
     * signed_certificate_timestamp with {@code count} dummy SCTs, in the TLS 1.2 ServerHello and the TLS 1.3 leaf
     * CertificateEntry. The scanner only counts SCTs; checking their signatures is not its job.
     */
    private static void writeSctServerInfo(Path file, int count) throws Exception {
        java.io.ByteArrayOutputStream list = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            byte[] sct = new byte[41];
            sct[1] = (byte) i;
            list.write(sct.length >> 8);
            list.write(sct.length);
            list.write(sct);
        }
        byte[] entries = list.toByteArray();
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(4 + 2 + 2 + 2 + entries.length);
        data.putInt(0x0080 | 0x0100 | 0x1000); // ClientHello, TLS 1.2 ServerHello, TLS 1.3 Certificate
        data.putShort((short) 18); // signed_certificate_timestamp
        data.putShort((short) (2 + entries.length));
        data.putShort((short) entries.length);
        data.put(entries);
        String pem = "-----BEGIN SERVERINFOV2 FOR sct-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data.array())
                + "\n-----END SERVERINFOV2 FOR sct-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** PKCS #3 DHParameter (prime, generator) as a PEM "DH PARAMETERS" block, which s_server -dhparam reads. */
    private static void writeDhParameters(Path file, DHParameters group) throws Exception {
        byte[] der = new DERSequence(new ASN1Encodable[] {new ASN1Integer(group.getP()), new ASN1Integer(group.getG())})
                .getEncoded();
        String pem = "-----BEGIN DH PARAMETERS-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END DH PARAMETERS-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }
}
