package dev.smokegate.probe.tls;

import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small CA for revocation tests, whose key the test holds: it issues leaves that name an OCSP responder and a CRL,
 * and signs OCSP responses and CRLs about them. (The reference PKI keeps its CA keys to itself.)
 */
final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final List<X509Certificate> chainBelowRoot;

    private TestCa(KeyPair keys, X509Certificate certificate, List<X509Certificate> chainBelowRoot) {
        this.keys = keys;
        this.certificate = certificate;
        this.chainBelowRoot = List.copyOf(chainBelowRoot);
    }

    static TestCa root(String commonName) throws Exception {
        KeyPair keys = KeyType.EC_P256.generate();
        X500Name name = new X500Name("CN=" + commonName + ",O=smokegate tls test");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestCa(keys, sign(builder, keys.getPrivate()), List.of());
    }

    TestCa intermediate(String commonName) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return intermediate(commonName, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(200)));
    }

    /** An intermediate valid from {@code notBefore} to {@code notAfter}, e.g. one that has expired. */
    TestCa intermediate(String commonName, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair childKeys = KeyType.EC_P256.generate();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + commonName + ",O=smokegate tls test"), childKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate child = sign(builder, keys.getPrivate());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(child);
        chain.addAll(chainBelowRoot);
        return new TestCa(childKeys, child, chain);
    }

    /** A serverAuth leaf for {@code host} naming {@code ocsp} (AIA) and {@code crl} (CRL distribution point). */
    IssuedCertificate leaf(String host, Optional<URI> ocsp, Optional<URI> crl) throws Exception {
        return leaf(host, KeyType.EC_P256.generate(), ocsp, crl);
    }

    /** Like {@link #leaf(String, Optional, Optional)}, for a key of the test's choosing (e.g. RSA-512). */
    IssuedCertificate leaf(String host, KeyPair leafKeys, Optional<URI> ocsp, Optional<URI> crl) throws Exception {
        X509v3CertificateBuilder builder = builder(new X500Name("CN=" + host), leafKeys, Duration.ofDays(60));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage("RSA".equals(leafKeys.getPublic().getAlgorithm())
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        if (ocsp.isPresent()) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.get().toString())));
        }
        if (crl.isPresent()) {
            DistributionPointName name = new DistributionPointName(
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl.get().toString())));
            builder.addExtension(Extension.cRLDistributionPoints, false,
                    new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
        }
        return new IssuedCertificate(sign(builder, keys.getPrivate()), leafKeys.getPrivate(), chainAbove());
    }

    /** A DER OCSPResponse about {@code leaf}, signed by this CA: GOOD, or REVOKED (keyCompromise) an hour ago. */
    byte[] ocspResponse(X509Certificate leaf, boolean revoked) throws Exception {
        return ocspResponse(leaf, revoked, keys.getPrivate());
    }

    /** Like {@link #ocspResponse(X509Certificate, boolean)}, but signed with {@code signer} (a forgery if foreign). */
    byte[] ocspResponse(X509Certificate leaf, boolean revoked, PrivateKey signer) throws Exception {
        CertificateID id = new JcaCertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), certificate, leaf.getSerialNumber());
        Instant now = Instant.now();
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new JcaRespID(certificate.getSubjectX500Principal()));
        CertificateStatus status = revoked
                ? new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise)
                : CertificateStatus.GOOD;
        builder.addResponse(id, status, Date.from(now.minus(Duration.ofMinutes(1))),
                Date.from(now.plus(Duration.ofDays(1))));
        X509CertificateHolder[] chain = {new JcaX509CertificateHolder(certificate)};
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer), chain, Date.from(now)))
                .getEncoded();
    }

    static byte[] ocspStatusOnly(int responderStatus) throws Exception {
        return new OCSPRespBuilder().build(responderStatus, null).getEncoded();
    }

    /** A CRL from this CA listing {@code revoked} (serial → revocation time). */
    X509CRL crl(Map<BigInteger, Instant> revoked) throws Exception {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(certificate).getSubject(),
                Date.from(now.minus(Duration.ofMinutes(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
        return new JcaX509CRLConverter().getCRL(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** What a server sends after a leaf of this CA: this CA and its parents, minus the root. */
    List<X509Certificate> chainAbove() {
        return chainBelowRoot;
    }

    private X509v3CertificateBuilder builder(X500Name subject, KeyPair subjectKeys, Duration lifetime) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(lifetime)), subject, subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    static OCSPResp parse(byte[] der) throws Exception {
        return new OCSPResp(der);
    }
}
