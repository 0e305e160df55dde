package dev.smokegate.reference.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Test Root");
    private static final CertificateAuthority INTERMEDIATE = ROOT.issueIntermediate("Test Issuing CA");

    @Test
    void defaultLeafChainsThroughTheIntermediateToTheRoot() throws Exception {
        IssuedCertificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").build());

        assertThat(leaf.chain()).containsExactly(leaf.certificate(), INTERMEDIATE.certificate());
        validate(leaf.chain());
    }

    @Test
    void defaultLeafIsAHealthyServerCertificateForItsNames() throws Exception {
        X509Certificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("localhost").ipAddresses("127.0.0.1").build())
                .certificate();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(leaf.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(leaf.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(90).plusHours(1));
    }

    @Test
    void intermediateMayOnlyIssueLeaves() {
        X509Certificate intermediate = INTERMEDIATE.certificate();

        assertThat(intermediate.getBasicConstraints()).isZero();
        assertThat(intermediate.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(intermediate.getIssuerX500Principal()).isEqualTo(ROOT.certificate().getSubjectX500Principal());
    }

    @Test
    void builderMintsAnExpiredLeaf() {
        Instant now = Instant.now();
        X509Certificate expired = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test")
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).build()).certificate();

        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void builderMintsAWeakRsa1024Sha1Leaf() {
        IssuedCertificate weak = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test")
                .keyType(KeyType.RSA_1024).digest("SHA1").build());

        assertThat(((RSAPublicKey) weak.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(weak.certificate().getSigAlgName()).isEqualTo("SHA1withECDSA");
        assertThat(weak.certificate().getKeyUsage()[2]).as("keyEncipherment for RSA").isTrue();
    }

    @Test
    void leafFromAnotherRootDoesNotValidate() {
        CertificateAuthority stranger = CertificateAuthority.createRoot("Stranger Root");
        IssuedCertificate foreign = stranger.issue(LeafSpec.forHosts("app.example.test").build());

        assertThat(foreign.chain()).containsExactly(foreign.certificate());
        assertThatThrownBy(() -> validate(foreign.chain())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void pemKeyFileIsOwnerOnlyAndCertificatesRoundTrip(@TempDir Path dir) throws Exception {
        IssuedCertificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").build());
        Path key = dir.resolve("leaf.key");
        Path chain = dir.resolve("chain.crt");

        Pem.writePrivateKey(key, leaf.privateKey());
        Pem.writeCertificates(chain, leaf.chain());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        List<Certificate> parsed;
        try (var in = Files.newInputStream(chain)) {
            parsed = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        assertThat(parsed).containsExactlyElementsOf(leaf.chain());
        assertThatThrownBy(() -> Pem.writePrivateKey(key, leaf.privateKey()))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    private static void validate(List<X509Certificate> chain) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ROOT.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain),
                parameters);
    }
}
