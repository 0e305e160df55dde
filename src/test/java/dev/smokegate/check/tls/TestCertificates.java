package dev.smokegate.check.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates with exactly the property a judge looks at, built here with BouncyCastle; nothing is written. */
final class TestCertificates {

    record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private TestCertificates() {
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeys(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A builder for one certificate; defaults are a healthy, currently valid leaf. */
    static final class Spec {
        private String subject = "CN=app.example.com";
        private List<String> dnsNames = List.of("app.example.com");
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(80));
        private KeyPair keys = ecKeys();
        private String signature = null;
        private boolean ca;
        private String ocspUrl;
        private byte[] embeddedScts;

        Spec subject(String value) { subject = value; return this; }
        Spec dnsNames(String... values) { dnsNames = List.of(values); return this; }
        Spec validity(Instant from, Instant to) { notBefore = from; notAfter = to; return this; }
        Spec keys(KeyPair value) { keys = value; return this; }
        Spec signature(String value) { signature = value; return this; }
        Spec ca() { ca = true; dnsNames = List.of(); return this; }
        Spec ocspUrl(String value) { ocspUrl = value; return this; }
        Spec embeddedScts(int count) {
            // RFC 6962 SignedCertificateTimestampList: u16 total, then u16-prefixed entries (content opaque here).
            byte[] list = new byte[2 + count * 6];
            list[1] = (byte) (count * 6);
            for (int i = 0; i < count; i++) {
                list[2 + i * 6 + 1] = 4;
            }
            embeddedScts = list;
            return this;
        }

        /** Signed by {@code issuer}, or self-signed when it is null. */
        Issued issuedBy(Issued issuer) {
            try {
                X500Name issuerName = issuer == null ? new X500Name(subject)
                        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
                KeyPair signer = issuer == null ? keys : issuer.keys();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(notBefore),
                        Date.from(notAfter), new X500Name(subject), keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                if (!dnsNames.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                            .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
                }
                if (ocspUrl != null) {
                    builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                            ocspUrl)));
                }
                if (embeddedScts != null) {
                    builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"),
                            false, new DEROctetString(embeddedScts));
                }
                String algorithm = signature != null ? signature
                        : signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
                return new Issued(certificate, keys);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Spec leaf() {
        return new Spec();
    }

    static Spec authority(String subject) {
        return new Spec().subject(subject).ca();
    }
}
