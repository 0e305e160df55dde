package dev.smokegate.reference.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import java.math.BigInteger;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    /** Built from parts so that no tracked file looks like it holds a key block. */
    private static final String PKCS8_HEADER = "-----BEGIN " + "PRIVATE KEY-----\n";

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
    void caNamesReadLikePublicCasWithTheCommonNameFirst() {
        assertThat(ROOT.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Test Root,O=smokegate reference");
        assertThat(INTERMEDIATE.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Test Issuing CA,O=smokegate reference");
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
        assertThat(Files.readString(key, StandardCharsets.US_ASCII)).startsWith(PKCS8_HEADER);
        List<Certificate> parsed;
        try (var in = Files.newInputStream(chain)) {
            parsed = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        assertThat(parsed).containsExactlyElementsOf(leaf.chain());
        assertThatThrownBy(() -> Pem.writePrivateKey(key, leaf.privateKey()))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void caWithoutEndpointsIssuesCertificatesWithoutAiaOrCrlDistributionPoint() {
        X509Certificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").build()).certificate();

        assertThat(INTERMEDIATE.endpoints()).isEmpty();
        assertThat(leaf.getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
        assertThat(leaf.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNull();
    }

    @Test
    void publishingCasNameTheirEndpointsInWhatTheyIssue() throws Exception {
        CertificateAuthority root = CertificateAuthority.createRoot("Publishing Root", endpoints("root"));
        CertificateAuthority issuing = root.issueIntermediate("Publishing Issuing CA", endpoints("issuing"));
        X509Certificate leaf = issuing.issue(LeafSpec.forHosts("app.example.test").build()).certificate();

        assertThat(uris(issuing.certificate())).containsExactly("ocsp http://ca.test/ocsp/root",
                "caIssuers http://ca.test/ca/root.cer", "crl http://ca.test/crl/root.crl");
        assertThat(uris(leaf)).containsExactly("ocsp http://ca.test/ocsp/issuing",
                "caIssuers http://ca.test/ca/issuing.cer", "crl http://ca.test/crl/issuing.crl");
        assertThat(root.certificate().getExtensionValue(Extension.authorityInfoAccess.getId())).as("root AIA")
                .isNull();
    }

    @Test
    void caKnowsWhatItIssuedAndRevoked() {
        CertificateAuthority root = CertificateAuthority.createRoot("Ledger Root");
        CertificateAuthority issuing = root.issueIntermediate("Ledger Issuing CA");
        IssuedCertificate kept = issuing.issue(LeafSpec.forHosts("kept.example.test").build());
        IssuedCertificate revoked = issuing.issue(LeafSpec.forHosts("revoked.example.test").build());
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

        issuing.revoke(revoked.certificate(), at, CRLReason.keyCompromise);

        assertThat(issuing.status(kept.certificate().getSerialNumber())).isEqualTo(CertificateStatus.GOOD);
        assertThat(issuing.status(revoked.certificate().getSerialNumber()))
                .isEqualTo(CertificateStatus.revoked(Instant.parse("2026-01-02T03:04:05Z"), CRLReason.keyCompromise));
        assertThat(issuing.status(BigInteger.TEN)).isEqualTo(CertificateStatus.UNKNOWN);
        assertThat(root.status(issuing.certificate().getSerialNumber())).isEqualTo(CertificateStatus.GOOD);
        assertThat(issuing.revoked()).containsOnlyKeys(revoked.certificate().getSerialNumber());
        assertThatThrownBy(() -> root.revoke(kept.certificate(), at, CRLReason.superseded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not issued by");
    }

    @Test
    void selfSignedLeafIsItsOwnIssuerForTheHostWithoutRevocationPointers() throws Exception {
        IssuedCertificate self = CertificateAuthority.selfSigned(LeafSpec.forHosts("self.example.test").build());
        X509Certificate leaf = self.certificate();

        assertThat(self.chain()).containsExactly(leaf);
        assertThat(leaf.getSubjectX500Principal()).isEqualTo(leaf.getIssuerX500Principal());
        leaf.verify(leaf.getPublicKey());
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "self.example.test"));
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
        assertThat(leaf.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNull();
    }

    @Test
    void sha1IntermediateIsSignedWithSha1AndStillChainsToTheRoot() throws Exception {
        CertificateAuthority sha1 = ROOT.issueIntermediate("SHA-1 Issuing CA", endpoints("sha1"), "SHA1");
        IssuedCertificate leaf = sha1.issue(LeafSpec.forHosts("app.example.test").build());

        assertThat(sha1.certificate().getSigAlgName()).isEqualTo("SHA1withECDSA");
        assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        validate(leaf.chain());
    }

    @Test
    void commonNameMayDifferFromTheOnlySan() throws Exception {
        X509Certificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("other.example.test")
                .commonName("app.example.test").build()).certificate();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=app.example.test");
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, "other.example.test"));
    }

    @Test
    void stapleFromTheResponderIsASignedGoodAnswerAboutTheLeaf() throws Exception {
        IssuedCertificate leaf = INTERMEDIATE.issue(LeafSpec.forHosts("app.example.test").build());

        OCSPResp staple = new OCSPResp(new OcspResponder(INTERMEDIATE).responseFor(leaf.certificate()));

        assertThat(staple.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) staple.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(INTERMEDIATE.certificate().getPublicKey()))).isTrue();
        SingleResp single = basic.getResponses()[0];
        assertThat(single.getCertID().getSerialNumber()).isEqualTo(leaf.certificate().getSerialNumber());
        assertThat(single.getCertID().matchesIssuer(new JcaX509CertificateHolder(INTERMEDIATE.certificate()),
                new JcaDigestCalculatorProviderBuilder().build())).isTrue();
        assertThat(single.getCertStatus()).isEqualTo(org.bouncycastle.cert.ocsp.CertificateStatus.GOOD);
        assertThat(Duration.between(single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant()))
                .isEqualTo(OcspResponder.VALIDITY);
    }

    @Test
    @ExternalProcesses
    void rfc2409Group2IsThe1024BitSafePrimeOpensslAccepts(@TempDir Path dir) throws Exception {
        BigInteger p = DhGroups.RFC_2409_GROUP_2_PRIME;
        Path file = dir.resolve("dh.pem");
        Pem.writeDhParameters(file, p, DhGroups.GENERATOR_2);

        assertThat(p.bitLength()).isEqualTo(1024);
        assertThat(p.isProbablePrime(64)).isTrue();
        assertThat(p.shiftRight(1).isProbablePrime(64)).as("(p-1)/2 prime").isTrue();
        Process check = new ProcessBuilder("openssl", "dhparam", "-in", file.toString(), "-check", "-noout")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("DH parameters appear to be ok");
    }

    private static CaEndpoints endpoints(String id) {
        return new CaEndpoints(URI.create("http://ca.test/ca/" + id + ".cer"), URI.create("http://ca.test/ocsp/" + id),
                URI.create("http://ca.test/crl/" + id + ".crl"));
    }

    /** AIA entries, then CRL distribution points, as "kind uri". */
    private static List<String> uris(X509Certificate certificate) throws Exception {
        List<String> found = new ArrayList<>();
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils
                .parseExtensionValue(certificate.getExtensionValue(Extension.authorityInfoAccess.getId())));
        for (AccessDescription access : aia.getAccessDescriptions()) {
            String kind = access.getAccessMethod().equals(AccessDescription.id_ad_ocsp) ? "ocsp" : "caIssuers";
            found.add(kind + " " + access.getAccessLocation().getName());
        }
        CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils
                .parseExtensionValue(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId())));
        for (DistributionPoint point : points.getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                found.add("crl " + name.getName());
            }
        }
        return found;
    }

    private static void validate(List<X509Certificate> chain) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ROOT.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain),
                parameters);
    }
}
