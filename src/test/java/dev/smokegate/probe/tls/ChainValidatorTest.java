package dev.smokegate.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.probe.tls.TlsObservation.PathValidation;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import dev.smokegate.reference.pki.LeafSpec;
import java.security.KeyPairGenerator;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Path validation of chains exactly as a server might send them, against system roots plus an extra CA. */
class ChainValidatorTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Validator Test Root");
    private static final CertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("Validator Test Issuing CA");
    private static final IssuedCertificate LEAF = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").build());
    /** Our root as the extra CA, next to an empty stand-in for the JDK's roots. */
    private static final TrustAnchors EXTRA_CA = new TrustAnchors(List.of(), List.of(ROOT.certificate()));

    @Test
    void chainToTheExtraCaIsTrustedCompleteAndNotSystemAnchored() {
        PathValidation path = ChainValidator.validate(LEAF.chain(), EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isTrue();
        assertThat(path.complete()).isTrue();
        assertThat(path.anchor()).contains(ROOT.certificate().getSubjectX500Principal().getName());
        assertThat(path.systemAnchor()).isFalse();
        assertThat(path.problem()).isEmpty();
    }

    @Test
    void anchorAmongTheSystemRootsIsSystemAnchored() {
        TrustAnchors system = new TrustAnchors(List.of(ROOT.certificate()), List.of());

        assertThat(ChainValidator.validate(LEAF.chain(), system, Instant.now()).systemAnchor()).isTrue();
    }

    @Test
    void jdkSystemRootsAloneDoNotTrustAPrivateChain() throws Exception {
        TrustAnchors jdk = new TrustAnchors(dev.smokegate.probe.TrustMaterial.systemRoots(), List.of());
        PathValidation path = ChainValidator.validate(LEAF.chain(), jdk, Instant.now());

        assertThat(path.trusted()).isFalse();
        assertThat(path.complete()).as("the unknown root was rightly not sent").isTrue();
    }

    @Test
    void wrongOrderWithRootIncludedIsStillTrustedAndComplete() {
        List<X509Certificate> sent = List.of(LEAF.certificate(), ROOT.certificate(), INTERMEDIATE.certificate());

        PathValidation path = ChainValidator.validate(sent, EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isTrue();
        assertThat(path.complete()).isTrue();
    }

    @Test
    void missingIntermediateIsIncompleteAndUntrustedEvenThoughTheRootIsAnAnchor() {
        PathValidation path = ChainValidator.validate(List.of(LEAF.certificate()), EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isFalse();
        assertThat(path.complete()).isFalse();
        assertThat(path.problem()).hasValueSatisfying(p -> assertThat(p).contains("incomplete chain"));
    }

    @Test
    void sentUntrustedRootEndsTheChainCompleteButUntrusted() {
        CertificateAuthority otherRoot = CertificateAuthority.createRoot("Other Root");
        CertificateAuthority otherIntermediate = otherRoot.issueIntermediate("Other Issuing CA");
        IssuedCertificate leaf = otherIntermediate.issue(LeafSpec.forHosts("app.example.test").build());
        List<X509Certificate> sent = List.of(leaf.certificate(), otherIntermediate.certificate(),
                otherRoot.certificate());

        PathValidation path = ChainValidator.validate(sent, EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isFalse();
        assertThat(path.complete()).isTrue();
        assertThat(path.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("chain ends at root").contains("Other Root"));
    }

    @Test
    void selfSignedLeafIsUntrusted() {
        CertificateAuthority selfIssuing = CertificateAuthority.createRoot("app.example.test");

        PathValidation path = ChainValidator.validate(List.of(selfIssuing.certificate()), EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isFalse();
        assertThat(path.complete()).isTrue();
        assertThat(path.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("self-signed certificate"));
    }

    @Test
    void sha1SignedLeafUnderTheExtraCaIsTrustedForTheSignatureCheckToJudge() {
        IssuedCertificate sha1 = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").digest("SHA1").build());

        assertThat(sha1.certificate().getSigAlgName()).isEqualTo("SHA1withECDSA");
        assertThat(ChainValidator.validate(sha1.chain(), EXTRA_CA, Instant.now()).trusted()).isTrue();
    }

    @Test
    void rsa1024Sha1LeafUnderTheExtraCaIsTrustedForTheKeyStrengthCheckToJudge() {
        IssuedCertificate weak = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test")
                .keyType(KeyType.RSA_1024).digest("SHA1").build());

        PathValidation path = ChainValidator.validate(weak.chain(), EXTRA_CA, Instant.now());

        assertThat(path.trusted()).isTrue();
        assertThat(path.problem()).isEmpty();
    }

    @Test
    void rsa512LeafThatTheJdkValidatorRefusesIsStillTrustedThroughBouncyCastle() throws Exception {
        TestCa root = TestCa.root("Tiny Key Root");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        IssuedCertificate tiny = root.leaf("app.example.test", generator.generateKeyPair(), Optional.empty(),
                Optional.empty());
        PKIXParameters jdkOnly = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        jdkOnly.setRevocationEnabled(false);
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(tiny.certificate()));

        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, jdkOnly))
                .as("jdk.certpath.disabledAlgorithms: RSA keySize < 1024")
                .isInstanceOf(CertPathValidatorException.class);
        PathValidation validation = ChainValidator.validate(tiny.chain(),
                new TrustAnchors(List.of(), List.of(root.certificate())), Instant.now());
        assertThat(validation.trusted()).isTrue();
        assertThat(validation.problem()).isEmpty();
    }

    @Test
    void expiredLeafIsJudgedAtItsOwnValidityAndStaysTrustedForTheValidityCheckToJudge() {
        Instant now = Instant.now();
        IssuedCertificate expired = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test")
                .validity(now.minus(Duration.ofDays(91)), now.minus(Duration.ofDays(1))).build());

        assertThat(ChainValidator.validate(expired.chain(), EXTRA_CA, now).trusted()).isTrue();
    }

    @Test
    void notYetValidLeafIsJudgedAtItsOwnValidityToo() {
        Instant now = Instant.now();
        IssuedCertificate future = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test")
                .validity(now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(97))).build());

        assertThat(ChainValidator.validate(future.chain(), EXTRA_CA, now).trusted()).isTrue();
    }

    @Test
    void expiredIntermediateMakesThePathInvalidWithAReason() throws Exception {
        Instant now = Instant.now();
        TestCa root = TestCa.root("Expiry Test Root");
        TestCa expired = root.intermediate("Expired Issuing CA", now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1)));
        IssuedCertificate leaf = expired.leaf("app.example.test", Optional.empty(),
                Optional.empty());
        TrustAnchors anchors = new TrustAnchors(List.of(), List.of(root.certificate()));

        PathValidation path = ChainValidator.validate(leaf.chain(), anchors, now);

        assertThat(path.trusted()).isFalse();
        assertThat(path.complete()).isTrue();
        assertThat(path.anchor()).contains(root.certificate().getSubjectX500Principal().getName());
        assertThat(path.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("path validation failed").contains("Expired Issuing CA").contains("validity"));
    }

    @Test
    void leafIssuerIsFoundForRevocationWhereverItWasSent() {
        List<X509Certificate> sent = List.of(LEAF.certificate(), ROOT.certificate(), INTERMEDIATE.certificate());

        assertThat(ChainValidator.walk(sent, EXTRA_CA).leafIssuer()).contains(INTERMEDIATE.certificate());
        assertThat(ChainValidator.walk(List.of(LEAF.certificate()), EXTRA_CA).leafIssuer()).isEmpty();
    }

    @Test
    void leafIssuedByTheAnchorItselfHasTheAnchorAsIssuer() {
        IssuedCertificate direct = ROOT.issue(LeafSpec.forHosts("app.example.test").build());

        assertThat(ChainValidator.walk(direct.chain(), EXTRA_CA).leafIssuer()).contains(ROOT.certificate());
        assertThat(ChainValidator.validate(direct.chain(), EXTRA_CA, Instant.now()).trusted()).isTrue();
    }
}
