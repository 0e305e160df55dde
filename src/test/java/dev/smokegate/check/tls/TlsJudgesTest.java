package dev.smokegate.check.tls;

import static dev.smokegate.check.tls.RecordedScan.INTERMEDIATE;
import static dev.smokegate.check.tls.RecordedScan.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.config.TlsSettings.MissingStaple;
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
import org.junit.jupiter.params.provider.EnumSource;

/** Every tls.* judge on recorded scans: passes on a healthy server, fails on each fault with a named reason. */
class TlsJudgesTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();
    private static final Target TARGET = new Target("frontend", "app.example.com:443");
    private static final List<Check<?>> CHECKS = TlsChecks.all(Clock.systemUTC(),
            (host, port) -> new ProbeRequest<>("unused", context -> {
                throw new AssertionError("judges never scan");
            }));

    private static Verdict judge(String id, RecordedScan scan) {
        return judge(id, scan, CONFIG);
    }

    @SuppressWarnings("unchecked")
    private static Verdict judge(String id, RecordedScan scan, EnvironmentConfig config) {
        Check<TlsObservation> check = (Check<TlsObservation>) CHECKS.stream()
                .filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow();
        return check.judge(scan.build(), TARGET, config);
    }

    private static EnvironmentConfig stapling(MissingStaple setting) {
        return CONFIG.newBuilder().tls(new TlsSettings(List.of(), setting)).build();
    }

    private static void assertFails(String id, RecordedScan scan, String fragment) {
        Verdict verdict = judge(id, scan);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains(fragment);
    }

    private static void assertPasses(String id, RecordedScan scan, String fragment) {
        Verdict verdict = judge(id, scan);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
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
            "TLS_ECDHE_RSA_WITH_RC4_128_SHA, RC4", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, 3DES",
            "TLS_RSA_WITH_IDEA_CBC_SHA, IDEA"})
    void weakSuiteAcceptedFailsNamingIt(String suite, String weakness) {
        assertFails("tls.cipher.weak-disabled", RecordedScan.healthy().suite(TlsVersion.TLS_1_2, suite),
                suite + " on TLSv1.2 [" + weakness);
    }

    // ---- forward secrecy: what a current client gets fails, what is merely also accepted warns (Mozilla intermediate)

    @Test
    void forwardSecretChoiceWithOnlyForwardSecretSuitesPassesWithAndWithoutTls13() {
        assertPasses("tls.cipher.forward-secrecy", RecordedScan.healthy(), "every accepted suite uses ECDHE or DHE");
        assertPasses("tls.cipher.forward-secrecy", RecordedScan.healthy().version(TlsVersion.TLS_1_3, false),
                "every accepted suite uses ECDHE or DHE");
        assertPasses("tls.cipher.forward-secrecy", RecordedScan.healthy().version(TlsVersion.TLS_1_2, false)
                .onlySuites(TlsVersion.TLS_1_2), "TLSv1.3 only");
    }

    @ParameterizedTest
    @CsvSource({"true, TLS_RSA_WITH_AES_128_GCM_SHA256", "false, TLS_RSA_WITH_AES_128_GCM_SHA256",
            "true, TLS_RSA_WITH_AES_256_CBC_SHA", "true, TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
            "false, TLS_DH_RSA_WITH_AES_128_GCM_SHA256"})
    void staticKeyExchangeAcceptedBesidesAForwardSecretChoiceWarnsNamingIt(boolean tls13, String staticSuite) {
        RecordedScan nginxDefault = RecordedScan.healthy().version(TlsVersion.TLS_1_3, tls13)
                .choice(TlsVersion.TLS_1_2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .suite(TlsVersion.TLS_1_2, staticSuite);

        assertWarns("tls.cipher.forward-secrecy", nginxDefault, "suites without it are also accepted: "
                + staticSuite + " on TLSv1.2");
    }

    @ParameterizedTest
    @CsvSource({"true, TLS_RSA_WITH_AES_128_GCM_SHA256", "false, TLS_RSA_WITH_AES_256_GCM_SHA384",
            "true, TLS_ECDH_RSA_WITH_AES_128_CBC_SHA"})
    void aNonForwardSecretSuiteTheServerPrefersForACurrentClientFails(boolean tls13, String preferred) {
        RecordedScan serverOrder = RecordedScan.healthy().version(TlsVersion.TLS_1_3, tls13)
                .suite(TlsVersion.TLS_1_2, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .choice(TlsVersion.TLS_1_2, preferred);

        assertFails("tls.cipher.forward-secrecy", serverOrder, "a current client gets " + preferred
                + " on TLSv1.2 (no forward secrecy): the server prefers it to the ECDHE/DHE suites it also accepts");
    }

    @Test
    void aVersionWithoutAnyForwardSecretSuiteFailsEvenWithTls13Enabled() {
        RecordedScan staticRsaOnly = RecordedScan.healthy().onlySuites(TlsVersion.TLS_1_2,
                "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384");
        RecordedScan withChoice = RecordedScan.healthy().onlySuites(TlsVersion.TLS_1_2)
                .choice(TlsVersion.TLS_1_2, "TLS_RSA_WITH_AES_256_GCM_SHA384");

        assertFails("tls.cipher.forward-secrecy", staticRsaOnly, "TLSv1.2 accepts no forward-secret suite, a client "
                + "gets TLS_RSA_WITH_AES_128_GCM_SHA256 on TLSv1.2, TLS_RSA_WITH_AES_256_GCM_SHA384 on TLSv1.2");
        assertFails("tls.cipher.forward-secrecy", withChoice, "TLSv1.2 accepts no forward-secret suite, a client "
                + "gets TLS_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void eachAcceptedLegacyVersionIsJudgedOnItsOwnChoice() {
        RecordedScan legacy = RecordedScan.healthy().version(TlsVersion.TLS_1_0, true)
                .suite(TlsVersion.TLS_1_0, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA")
                .choice(TlsVersion.TLS_1_0, "TLS_RSA_WITH_AES_128_CBC_SHA");

        assertFails("tls.cipher.forward-secrecy", legacy, "a current client gets TLS_RSA_WITH_AES_128_CBC_SHA on "
                + "TLSv1.0");
        assertThat(judge("tls.cipher.forward-secrecy", legacy).message()).doesNotContain("TLSv1.2");
    }

    @ParameterizedTest
    @CsvSource({"1024, FAIL", "1536, FAIL", "2048, PASS", "4096, PASS"})
    void dheGroupsBelow2048BitsFailWhetherOrNotDheIsChosen(int bits, Verdict.Status expected) {
        RecordedScan chosen = RecordedScan.healthy().choice(TlsVersion.TLS_1_2, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
                .dheBits(bits);
        RecordedScan besides = RecordedScan.healthy().suite(TlsVersion.TLS_1_2, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
                .dheBits(bits);

        for (RecordedScan scan : List.of(chosen, besides)) {
            Verdict verdict = judge("tls.cipher.forward-secrecy", scan);
            assertThat(verdict.status()).as(verdict.message()).isEqualTo(expected);
            assertThat(verdict.message()).contains(expected == Verdict.Status.FAIL
                    ? "DHE uses a " + bits + "-bit group (need >= 2048)" : "(DHE group " + bits + " bits)");
        }
    }

    @Test
    void aPreferredStaticSuiteAndASmallDheGroupAreBothNamed() {
        RecordedScan scan = RecordedScan.healthy().suite(TlsVersion.TLS_1_2, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")
                .dheBits(1024).choice(TlsVersion.TLS_1_2, "TLS_RSA_WITH_AES_128_GCM_SHA256");

        assertFails("tls.cipher.forward-secrecy", scan, "a current client gets TLS_RSA_WITH_AES_128_GCM_SHA256 on "
                + "TLSv1.2 (no forward secrecy): the server prefers it to the ECDHE/DHE suites it also accepts; DHE "
                + "uses a 1024-bit group");
    }

    // ---- a server that refuses a current client's offer

    @Test
    void nullOnlyServerFailsModernWeakAndForwardSecrecyWhileItsChainIsJudged() {
        RecordedScan nullOnly = RecordedScan.healthy().modernOfferRefused("server sent alert handshake_failure")
                .version(TlsVersion.TLS_1_3, false)
                .onlySuites(TlsVersion.TLS_1_2, "TLS_RSA_WITH_NULL_SHA256", "TLS_RSA_WITH_NULL_SHA")
                .choice(TlsVersion.TLS_1_2, "TLS_RSA_WITH_NULL_SHA256");

        assertFails("tls.protocol.modern", nullOnly, "a current client's ClientHello (TLSv1.0–TLSv1.3 with the "
                + "cipher suites of a current browser) is refused: server sent alert handshake_failure; the server accepts "
                + "only suites a current client does not offer: TLS_RSA_WITH_NULL_SHA256 on TLSv1.2, "
                + "TLS_RSA_WITH_NULL_SHA on TLSv1.2, so a current browser cannot connect");
        assertFails("tls.cipher.weak-disabled", nullOnly, "TLS_RSA_WITH_NULL_SHA256 on TLSv1.2 [NULL (no encryption)], "
                + "TLS_RSA_WITH_NULL_SHA on TLSv1.2 [NULL (no encryption)]");
        assertFails("tls.cipher.forward-secrecy", nullOnly, "TLSv1.2 accepts no forward-secret suite, a client gets "
                + "TLS_RSA_WITH_NULL_SHA256");
        for (String judged : List.of("tls.chain.trusted", "tls.cert.hostname", "tls.cert.validity",
                "tls.revocation")) {
            assertThat(judge(judged, nullOnly).status()).as(judged).isEqualTo(Verdict.Status.PASS);
        }
    }

    @Test
    void tripleDesOnlyServerFailsModernAndWeakButKeepsForwardSecrecy() {
        RecordedScan tripleDes = RecordedScan.healthy().modernOfferRefused("server sent alert handshake_failure")
                .version(TlsVersion.TLS_1_3, false).onlySuites(TlsVersion.TLS_1_2)
                .choice(TlsVersion.TLS_1_2, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");

        assertFails("tls.protocol.modern", tripleDes, "accepts only suites a current client does not offer: "
                + "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA on TLSv1.2");
        assertFails("tls.cipher.weak-disabled", tripleDes, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA on TLSv1.2 "
                + "[3DES (Sweet32)]");
        assertThat(judge("tls.cipher.forward-secrecy", tripleDes).status()).isEqualTo(Verdict.Status.PASS);
    }

    @ParameterizedTest
    @CsvSource({"server sent alert handshake_failure", "server sent alert insufficient_security"})
    void aRefusedModernOfferFailsModernEvenWithTls12Accepted(String alert) {
        assertFails("tls.protocol.modern", RecordedScan.healthy().modernOfferRefused(alert), "is refused: " + alert);
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

    // ---- OCSP stapling: a missing staple warns, or fails when tls.ocsp-stapling says fail

    @Test
    void missingStapleWarnsByDefaultAndFailsWhenConfiguredTo() {
        RecordedScan unstapled = RecordedScan.healthy().noStaple()
                .chain(leaf(TestCertificates.leaf().ocspUrl("http://ocsp.example.net")), INTERMEDIATE.certificate());
        String message = "the certificate names OCSP responder http://ocsp.example.net but the server staples no "
                + "response";

        assertWarns("tls.ocsp-stapling", unstapled, message);
        assertThat(judge("tls.ocsp-stapling", unstapled, stapling(MissingStaple.WARN)).status())
                .isEqualTo(Verdict.Status.WARN);
        Verdict strict = judge("tls.ocsp-stapling", unstapled, stapling(MissingStaple.FAIL));
        assertThat(strict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(strict.message()).contains(message);
    }

    @ParameterizedTest
    @EnumSource(MissingStaple.class)
    void aCertificateWithoutResponderOrAStapledResponsePassesUnderEitherSetting(MissingStaple setting) {
        RecordedScan withoutResponder = RecordedScan.healthy().noStaple();
        RecordedScan stapled = RecordedScan.healthy()
                .chain(leaf(TestCertificates.leaf().ocspUrl("http://ocsp.example.net")), INTERMEDIATE.certificate());

        assertThat(judge("tls.ocsp-stapling", withoutResponder, stapling(setting)).message())
                .isEqualTo("the certificate names no OCSP responder, so there is nothing to staple");
        assertThat(judge("tls.ocsp-stapling", stapled, stapling(setting)).status()).isEqualTo(Verdict.Status.PASS);
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
