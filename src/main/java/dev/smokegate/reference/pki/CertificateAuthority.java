package dev.smokegate.reference.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of the reference PKI: a root, or an intermediate below one. It issues intermediates and
 * leaves; signing uses the JDK's providers, so nothing is registered JVM-wide.
 */
public final class CertificateAuthority {

    private static final String ORGANIZATION = "smokegate reference";
    private static final Duration ROOT_LIFETIME = Duration.ofDays(3650);
    private static final Duration INTERMEDIATE_LIFETIME = Duration.ofDays(1825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    /** What a server sends after a leaf this CA issued: this CA and its parents, minus the root (empty for a root). */
    private final List<X509Certificate> chainBelowRoot;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chainBelowRoot) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.chainBelowRoot = List.copyOf(chainBelowRoot);
    }

    public static CertificateAuthority createRoot(String commonName) {
        KeyPair keyPair = KeyType.EC_P256.generate();
        X500Name subject = caName(commonName);
        Instant notBefore = backdatedNow();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                Date.from(notBefore), Date.from(notBefore.plus(ROOT_LIFETIME)), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            addCaKeyUsage(builder);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode root CA extensions", e);
        }
        X509Certificate certificate = sign(builder, keyPair, "SHA256");
        return new CertificateAuthority(keyPair, certificate, List.of());
    }

    /** An intermediate that may only issue leaves (pathLen 0), as public CAs do. */
    public CertificateAuthority issueIntermediate(String commonName) {
        KeyPair intermediateKeys = KeyType.EC_P256.generate();
        Instant notBefore = backdatedNow();
        X509v3CertificateBuilder builder = newBuilder(caName(commonName), intermediateKeys.getPublic(),
                notBefore, notBefore.plus(INTERMEDIATE_LIFETIME));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            addCaKeyUsage(builder);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode intermediate CA extensions", e);
        }
        X509Certificate intermediate = sign(builder, keyPair, "SHA256");
        List<X509Certificate> intermediateChain = new ArrayList<>();
        intermediateChain.add(intermediate);
        intermediateChain.addAll(chainBelowRoot);
        return new CertificateAuthority(intermediateKeys, intermediate, intermediateChain);
    }

    public IssuedCertificate issue(LeafSpec spec) {
        KeyPair leafKeys = spec.keyType().generate();
        X509v3CertificateBuilder builder = newBuilder(new X500Name("CN=" + spec.commonName()), leafKeys.getPublic(),
                spec.notBefore(), spec.notAfter());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(leafKeyUsage(leafKeys.getPublic())));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(spec));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode leaf extensions for " + spec.commonName(), e);
        }
        X509Certificate leaf = sign(builder, keyPair, spec.digest());
        return new IssuedCertificate(leaf, leafKeys.getPrivate(), chainBelowRoot);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private X509v3CertificateBuilder newBuilder(X500Name subject, PublicKey subjectKey,
                                                Instant notBefore, Instant notAfter) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serialNumber(),
                Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
        try {
            JcaX509ExtensionUtils utils = extensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(keyPair.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode key identifiers", e);
        }
        return builder;
    }

    private static void addCaKeyUsage(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    /** RSA key exchange (TLS 1.2 and older) encrypts with the certificate key: RSA leaves need keyEncipherment. */
    private static int leafKeyUsage(PublicKey key) {
        return "RSA".equals(key.getAlgorithm())
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
    }

    private static GeneralNames subjectAltNames(LeafSpec spec) {
        List<GeneralName> names = new ArrayList<>();
        spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer, String digest) {
        String keyAlgorithm = signer.getPrivate().getAlgorithm();
        String algorithm = digest + "with" + ("EC".equals(keyAlgorithm) ? "ECDSA" : keyAlgorithm);
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate with " + algorithm, e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks SHA-1, needed for key identifiers", e);
        }
    }

    private static X500Name caName(String commonName) {
        return new X500Name("CN=" + commonName + ",O=" + ORGANIZATION);
    }

    /** Positive, 128 random bits: unpredictable like public CAs' serials, and never zero or negative. */
    private static BigInteger serialNumber() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    private static Instant backdatedNow() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(LeafSpec.BACKDATE);
    }
}
