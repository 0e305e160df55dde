package dev.smokegate.check.tls;

import static dev.smokegate.check.tls.RecordedScan.INTERMEDIATE;
import static dev.smokegate.check.tls.RecordedScan.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.tls.TlsObservation;
import dev.smokegate.probe.tls.TlsObservation.PathValidation;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.probe.tls.TlsVersion;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every tls.* judge on recorded scans: passes on a healthy server, fails on each fault with a named reason. */
class TlsJudgesTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();
    private static final Target TARGET = new Target("frontend", "app.example.com:443");
    private static final List<Check<?>> CHECKS = TlsChecks.all(Clock.systemUTC(),
            (host, port) -> new ProbeRequest<>("unused", context -> {
                throw new AssertionError("judges never scan");
            }));

    @SuppressWarnings("unchecked")
    private static Verdict judge(String id, RecordedScan scan) {
        Check<TlsObservation> check = (Check<TlsObservation>) CHECKS.stream()
                .filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow();
        return check.judge(scan.build(), TARGET, CONFIG);
    }

    private static void assertFails(String id, RecordedScan scan, String fragment) {
        Verdict verdict = judge(id, scan);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains(fragment);
    }

    private static void assertWarns(String id, RecordedScan scan, String fragment) {
        Verdict verdict = judge(id, scan);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains(fragment);
    }

    private static X509Certificate leaf(TestCertificates.Spec spec) {
        return spec.issuedBy(INTERMEDIATE).certificate();
    }

    @Test
    void healthyScanPassesEveryCheck() {
        for (Check<?> check : CHECKS) {
            Verdict verdict = judge(check.spec().id(), RecordedScan.healthy());
            assertThat(verdict.status()).as(check.spec().id() + ": " + verdict.message())
                    .isEqualTo(Verdict.Status.PASS);
        }
    }

    @Test
    void withoutHandshakeOnlyModernFailsAndTheRestCannotJudge() {
        RecordedScan down = RecordedScan.healthy().failure("connection refused by app.example.com:443");

        assertFails("tls.protocol.modern", down, "connection refused");
        assertThat(judge("tls.cert.validity", down).status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    }

    @Test
    void selfSignedLeafIsNotTrusted() {
        TestCertificates.Issued self = TestCertificates.leaf().issuedBy(null);
        RecordedScan scan = RecordedScan.healthy().chain(self.certificate())
                .path(new PathValidation(false, true, Optional.empty(), false, Optional.of("no trust anchor")));

        assertFails("tls.chain.trusted", scan, "self-signed certificate");
        assertThat(judge("tls.chain.order", scan).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void chainEndingAtAnUnknownRootNamesTheRoot() {
        RecordedScan scan = RecordedScan.healthy()
                .chain(leaf(TestCertificates.leaf()), INTERMEDIATE.certificate(), ROOT.certificate())
                .path(new PathValidation(false, true, Optional.empty(), false, Optional.of("no trust anchor")));

        assertFails("tls.chain.trusted", scan, "ends at root CN=Recorded Root, which is not among the system roots");
    }

    @Test
    void missingIntermediateFailsCompleteAndTrusted() {
        RecordedScan scan = RecordedScan.healthy().chain(leaf(TestCertificates.leaf()))
                .path(new PathValidation(false, false, Optional.empty(), false, Optional.of("no path")));

        assertFails("tls.chain.complete", scan, "does not send the intermediate certificate CN=Recorded Intermediate");
        assertFails("tls.chain.trusted", scan, "was not sent and is not among the system roots (a missing "
                + "intermediate)");
    }

    @Test
    void wrongOrderAndIncludedRootFailOrder() {
        RecordedScan scan = RecordedScan.healthy()
                .chain(leaf(TestCertificates.leaf()), ROOT.certificate(), INTERMEDIATE.certificate());

        assertFails("tls.chain.order", scan, "certificate #1 is the root CN=Recorded Root");
        assertFails("tls.chain.order", scan, "did not issue #0");
    }

    @ParameterizedTest
    @CsvSource({"*.example.com, app.example.com, true", "*.example.com, example.com, false",
            "*.example.com, a.b.example.com, false", "app.example.com, APP.example.com, true"})
    void wildcardCoversExactlyOneLabel(String pattern, String host, boolean matches) {
        assertThat(CertificateJudges.matches(pattern, host.toLowerCase())).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"::1, 0:0:0:0:0:0:0:1", "2001:DB8::0001, 2001:db8:0:0:0:0:0:1", "fe80::1:2, fe80:0:0:0:0:0:1:2",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "app.example.com, app.example.com", "10.0.0.1, 10.0.0.1",
            "1::2::3, 1::2::3"})
    void ipv6LiteralIsComparedInTheFormTheCertificateNamesIt(String host, String sanForm) {
        assertThat(Certificates.sanForm(host)).isEqualTo(sanForm);
    }

    @Test
    void commonNameAloneDoesNotCoverTheHost() {
        RecordedScan scan = RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .subject("CN=app.example.com").dnsNames("other.example.com")), INTERMEDIATE.certificate());

        assertFails("tls.cert.hostname", scan, "is for [other.example.com], not app.example.com");
    }

    @Test
    void expiredAndNotYetValidLeavesFailValidity() {
        Instant now = Instant.now();
        assertFails("tls.cert.validity", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .validity(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(3))))), "expired on");
        assertFails("tls.cert.validity", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .validity(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(90))))), "not valid before");
    }

    @Test
    void expiryHorizonWarnsUnderThirtyDaysAndFailsUnderFourteen() {
        Instant now = Instant.now();
        assertWarns("tls.cert.expiry-horizon", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .validity(now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(20)).plusSeconds(600)))),
                "20 days left (warn below 30 days)");
        assertFails("tls.cert.expiry-horizon", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .validity(now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(10)).plusSeconds(600)))),
                "10 days left (fail below 14 days)");
    }

    @Test
    void smallRsaKeyFailsKeyStrength() {
        assertFails("tls.cert.key-strength", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .keys(TestCertificates.rsaKeys(1024))), INTERMEDIATE.certificate()), "the leaf has a RSA 1024-bit key");
    }

    @Test
    void sha1SignatureBelowTheRootFails() {
        assertFails("tls.cert.signature", RecordedScan.healthy().chain(leaf(TestCertificates.leaf()
                .signature("SHA1withECDSA")), INTERMEDIATE.certificate()), "the leaf is signed with SHA1withECDSA");
    }

    @Test
    void sha1SelfSignatureOfARootIsIgnored() {
        TestCertificates.Issued sha1Root = TestCertificates.authority("CN=Old Root").signature("SHA1withECDSA")
                .issuedBy(null);
        X509Certificate leaf = TestCertificates.leaf().issuedBy(sha1Root).certificate();

        assertThat(judge("tls.cert.signature", RecordedScan.healthy().chain(leaf, sha1Root.certificate())).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @ParameterizedTest
    @CsvSource({"SSL_3_0, SSLv3", "TLS_1_0, TLSv1.0", "TLS_1_1, TLSv1.1"})
    void legacyVersionAcceptedFails(TlsVersion version, String label) {
        assertFails("tls.protocol.legacy-disabled", RecordedScan.healthy().version(version, true),
                "the server accepts " + label);
    }

    @Test
    void versionsTheScanCouldNotDetermineAreNeverReportedAsRefused() {
        Verdict legacy = judge("tls.protocol.legacy-disabled", RecordedScan.healthy().undetermined(TlsVersion.TLS_1_0));

        assertThat(legacy.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(legacy.message()).contains("could not tell whether TLSv1.0 is accepted");
        assertThat(judge("tls.protocol.modern", RecordedScan.healthy().version(TlsVersion.TLS_1_2, false)
                .undetermined(TlsVersion.TLS_1_3)).status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
    }

    @Test
    void missingTls13WarnsAndNoModernVersionFails() {
        assertWarns("tls.protocol.modern", RecordedScan.healthy().version(TlsVersion.TLS_1_3, false),
                "TLSv1.3 is not");
        assertFails("tls.protocol.modern", RecordedScan.healthy().version(TlsVersion.TLS_1_3, false)
                .version(TlsVersion.TLS_1_2, false).version(TlsVersion.TLS_1_0, true), "neither TLSv1.2 nor TLSv1.3");
    }

    @ParameterizedTest
    @CsvSource({"TLS_ECDHE_RSA_WITH_NULL_SHA, NULL", "TLS_DH_anon_WITH_AES_128_CBC_SHA, anonymous",
            "TLS_RSA_EXPORT_WITH_RC4_40_MD5, EXPORT", "TLS_RSA_WITH_DES_CBC_SHA, DES",
            "TLS_ECDHE_RSA_WITH_RC4_128_SHA, RC4", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, 3DES"})
    void weakSuiteAcceptedFailsNamingIt(String suite, String weakness) {
        assertFails("tls.cipher.weak-disabled", RecordedScan.healthy().suite(TlsVersion.TLS_1_2, suite),
                suite + " on TLSv1.2 [" + weakness);
    }

    @Test
    void staticRsaAndSmallDheGroupsFailForwardSecrecy() {
        assertFails("tls.cipher.forward-secrecy", RecordedScan.healthy()
                .suite(TlsVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_GCM_SHA256"), "TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertFails("tls.cipher.forward-secrecy", RecordedScan.healthy()
                .suite(TlsVersion.TLS_1_2, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256").dheBits(1024), "1024-bit group");
        assertThat(judge("tls.cipher.forward-secrecy", RecordedScan.healthy()
                .suite(TlsVersion.TLS_1_2, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256").dheBits(2048)).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void insecureRenegotiationFailsAndTls13OnlyPasses() {
        assertFails("tls.renegotiation.secure", RecordedScan.healthy().secureRenegotiation(Optional.of(false)),
                "does not signal secure renegotiation");
        assertThat(judge("tls.renegotiation.secure", RecordedScan.healthy().secureRenegotiation(Optional.empty()))
                .status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void revokedFailsAndLookupProblemsWarn() {
        assertFails("tls.revocation", RecordedScan.healthy().revocation(new RevocationStatus(
                RevocationStatus.Source.CRL, RevocationStatus.Status.REVOKED, "serial 1F listed")), "REVOKED");
        assertWarns("tls.revocation", RecordedScan.healthy().revocation(new RevocationStatus(
                RevocationStatus.Source.OCSP, RevocationStatus.Status.LOOKUP_FAILED, "timed out")), "timed out");
        assertWarns("tls.revocation", RecordedScan.healthy().revocation(new RevocationStatus(
                RevocationStatus.Source.NONE, RevocationStatus.Status.NO_SOURCE, "")), "names no OCSP responder");
    }

    @Test
    void missingStapleFailsOnlyWhenTheCertificateNamesAResponder() {
        X509Certificate withResponder = leaf(TestCertificates.leaf().ocspUrl("http://ocsp.example.net"));

        assertFails("tls.ocsp-stapling", RecordedScan.healthy().noStaple().chain(withResponder),
                "names OCSP responder http://ocsp.example.net but the server staples no response");
        assertThat(judge("tls.ocsp-stapling", RecordedScan.healthy().noStaple()).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void publiclyTrustedCertificateNeedsTwoScts() {
        PathValidation publicRoot = new PathValidation(true, true, Optional.of("CN=Public Root"), true,
                Optional.empty());

        assertFails("tls.ct.scts", RecordedScan.healthy().path(publicRoot), "only 0 SCTs");
        assertThat(judge("tls.ct.scts", RecordedScan.healthy().path(publicRoot)
                .chain(leaf(TestCertificates.leaf().embeddedScts(1))).tlsScts(1)).status())
                .isEqualTo(Verdict.Status.PASS);
    }
}
