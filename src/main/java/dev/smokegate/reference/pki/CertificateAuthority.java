package dev.smokegate.reference.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
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
 *
 * <p>Like a real CA it remembers every serial it issued and which of them it revoked, so its OCSP responder
 * ({@link OcspResponder}) and CRL ({@link CrlPublisher}) can tell. When it publishes at {@link CaEndpoints}, every
 * certificate it issues names them (AIA caIssuers and OCSP, CRL distribution point).
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
    /** Named in what this CA issues; empty for a CA whose certificates carry no AIA or CRL distribution point. */
    private final Optional<CaEndpoints> endpoints;
    /** Every serial this CA issued, GOOD or REVOKED. */
    private final Map<BigInteger, CertificateStatus> issued = new ConcurrentHashMap<>();

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chainBelowRoot,
                                 Optional<CaEndpoints> endpoints) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.chainBelowRoot = List.copyOf(chainBelowRoot);
        this.endpoints = endpoints;
    }

    /** A root whose certificates name no AIA or CRL distribution point. */
    public static CertificateAuthority createRoot(String commonName) {
        return createRoot(commonName, Optional.empty());
    }

    /** A root that publishes at {@code endpoints}: every intermediate it issues names them. */
    public static CertificateAuthority createRoot(String commonName, CaEndpoints endpoints) {
        return createRoot(commonName, Optional.of(endpoints));
    }

    private static CertificateAuthority createRoot(String commonName, Optional<CaEndpoints> endpoints) {
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
        return new CertificateAuthority(keyPair, certificate, List.of(), endpoints);
    }

    /**
     * A leaf that is its own issuer (subject = issuer, signed with its own key), for the names in {@code spec}: not a
     * CA, serverAuth, and no AIA or CRL distribution point, since no CA stands behind it.
     */
    public static IssuedCertificate selfSigned(LeafSpec spec) {
        KeyPair leafKeys = spec.keyType().generate();
        X500Name subject = new X500Name("CN=" + spec.commonName());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                Date.from(spec.notBefore()), Date.from(spec.notAfter()), subject, leafKeys.getPublic());
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils().createSubjectKeyIdentifier(leafKeys.getPublic()));
            addLeafExtensions(builder, spec, leafKeys.getPublic());
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode self-signed leaf extensions for " + spec.commonName(), e);
        }
        return new IssuedCertificate(sign(builder, leafKeys, spec.digest()), leafKeys.getPrivate(), List.of());
    }

    /** An intermediate that may only issue leaves (pathLen 0), as public CAs do; it publishes nothing itself. */
    public CertificateAuthority issueIntermediate(String commonName) {
        return issueIntermediate(commonName, Optional.empty(), "SHA256");
    }

    /** Like {@link #issueIntermediate(String)}, publishing at {@code endpoints} for the leaves it issues. */
    public CertificateAuthority issueIntermediate(String commonName, CaEndpoints endpoints) {
        return issueIntermediate(commonName, Optional.of(endpoints), "SHA256");
    }

    /** Like {@link #issueIntermediate(String, CaEndpoints)}, signed with {@code digest} (e.g. {@code SHA1}). */
    public CertificateAuthority issueIntermediate(String commonName, CaEndpoints endpoints, String digest) {
        return issueIntermediate(commonName, Optional.of(endpoints), digest);
    }

    private CertificateAuthority issueIntermediate(String commonName, Optional<CaEndpoints> publishedAt,
                                                   String digest) {
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
        X509Certificate intermediate = recordIssued(sign(builder, keyPair, digest));
        List<X509Certificate> intermediateChain = new ArrayList<>();
        intermediateChain.add(intermediate);
        intermediateChain.addAll(chainBelowRoot);
        return new CertificateAuthority(intermediateKeys, intermediate, intermediateChain, publishedAt);
    }

    public IssuedCertificate issue(LeafSpec spec) {
        KeyPair leafKeys = spec.keyType().generate();
        X509v3CertificateBuilder builder = newBuilder(new X500Name("CN=" + spec.commonName()), leafKeys.getPublic(),
                spec.notBefore(), spec.notAfter());
        try {
            addLeafExtensions(builder, spec, leafKeys.getPublic());
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode leaf extensions for " + spec.commonName(), e);
        }
        X509Certificate leaf = recordIssued(sign(builder, keyPair, spec.digest()));
        return new IssuedCertificate(leaf, leafKeys.getPrivate(), chainBelowRoot);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Where this CA publishes, as named in what it issues; empty if it publishes nothing. */
    public Optional<CaEndpoints> endpoints() {
        return endpoints;
    }

    /**
     * Marks a certificate this CA issued as revoked from {@code at} on, for {@code reason} (an RFC 5280
     * {@link org.bouncycastle.asn1.x509.CRLReason} code); OCSP and CRL report it from now on.
     *
     * @throws IllegalArgumentException if this CA did not issue {@code certificate}
     */
    public void revoke(X509Certificate certificate, Instant at, int reason) {
        BigInteger serial = certificate.getSerialNumber();
        if (!certificate.getIssuerX500Principal().equals(this.certificate.getSubjectX500Principal())
                || issued.replace(serial, CertificateStatus.revoked(at.truncatedTo(ChronoUnit.SECONDS), reason))
                == null) {
            throw new IllegalArgumentException("not issued by " + this.certificate.getSubjectX500Principal().getName()
                    + ": serial " + serial.toString(16));
        }
    }

    /** GOOD or REVOKED for a serial this CA issued, UNKNOWN for any other. */
    public CertificateStatus status(BigInteger serial) {
        return issued.getOrDefault(serial, CertificateStatus.UNKNOWN);
    }

    /** Every revoked serial with its status, in serial order, as the CRL lists them. */
    public Map<BigInteger, CertificateStatus> revoked() {
        Map<BigInteger, CertificateStatus> revoked = new TreeMap<>();
        issued.forEach((serial, status) -> {
            if (status.state() == CertificateStatus.State.REVOKED) {
                revoked.put(serial, status);
            }
        });
        return revoked;
    }

    /** For OCSP responses and CRLs, which this CA signs itself (no delegated responder). */
    PrivateKey signingKey() {
        return keyPair.getPrivate();
    }

    /** The JCA name for signing with this CA's key, e.g. {@code SHA256withECDSA}. */
    String signatureAlgorithm(String digest) {
        return signatureAlgorithm(digest, keyPair);
    }

    private X509Certificate recordIssued(X509Certificate issuedCertificate) {
        issued.put(issuedCertificate.getSerialNumber(), CertificateStatus.GOOD);
        return issuedCertificate;
    }

    private static void addLeafExtensions(X509v3CertificateBuilder builder, LeafSpec spec, PublicKey key)
            throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(leafKeyUsage(key)));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(spec));
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
            if (endpoints.isPresent()) {
                addEndpoints(builder, endpoints.get());
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode key identifiers and CA endpoints", e);
        }
        return builder;
    }

    private static void addEndpoints(X509v3CertificateBuilder builder, CaEndpoints endpoints)
            throws CertIOException {
        AccessDescription[] access = {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(endpoints.ocsp().toString())),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(endpoints.caIssuers().toString()))};
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(access));
        DistributionPoint crl = new DistributionPoint(
                new DistributionPointName(new GeneralNames(uri(endpoints.crl().toString()))), null, null);
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {crl}));
    }

    private static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
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
        String algorithm = signatureAlgorithm(digest, signer);
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate with " + algorithm, e);
        }
    }

    private static String signatureAlgorithm(String digest, KeyPair signer) {
        String keyAlgorithm = signer.getPrivate().getAlgorithm();
        return digest + "with" + ("EC".equals(keyAlgorithm) ? "ECDSA" : keyAlgorithm);
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks SHA-1, needed for key identifiers", e);
        }
    }

    /**
     * Most significant attribute first, as public CAs encode their names, so the RFC 2253 form (which lists the RDNs
     * in reverse) reads {@code CN=...,O=smokegate reference} like theirs.
     */
    private static X500Name caName(String commonName) {
        return new X500Name("O=" + ORGANIZATION + ",CN=" + commonName);
    }

    /** Positive, 128 random bits: unpredictable like public CAs' serials, and never zero or negative. */
    private static BigInteger serialNumber() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    private static Instant backdatedNow() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(LeafSpec.BACKDATE);
    }
}
