package dev.smokegate.check.tls;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/** Facts read off one certificate, for judges and evidence. Pure: no network, no validation. */
final class Certificates {

    /** RFC 6962: the X.509v3 extension that embeds SCTs in a certificate. */
    private static final String EMBEDDED_SCTS = "1.3.6.1.4.1.11129.2.4.2";
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-f]{1,4}");

    private Certificates() {
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate cert) {
        return cert.getIssuerX500Principal().getName();
    }

    static boolean selfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    /** Whether {@code issuer} issued {@code cert}: names chain and the signature verifies. */
    static boolean issued(X509Certificate issuer, X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * {@code host} as {@link #ipAddresses} spells it: an IPv6 literal in all eight groups, without leading zeros
     * ({@code ::1} is {@code 0:0:0:0:0:0:0:1}); anything else as it is.
     */
    static String sanForm(String host) {
        String[] halves = host.toLowerCase(Locale.ROOT).split("::", -1);
        if (!host.contains(":") || halves.length > 2) {
            return host;
        }
        List<String> head = groups(halves[0]);
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        int compressed = halves.length == 2 ? 8 - head.size() - tail.size() : 0;
        List<String> all = new ArrayList<>(head);
        all.addAll(Collections.nCopies(Math.max(compressed, 0), "0"));
        all.addAll(tail);
        if (all.size() != 8 || !all.stream().allMatch(HEX_GROUP.asMatchPredicate())) {
            return host;
        }
        return String.join(":", all.stream().map(g -> Integer.toHexString(Integer.parseInt(g, 16))).toList());
    }

    private static List<String> groups(String colonSeparated) {
        return colonSeparated.isEmpty() ? List.of() : List.of(colonSeparated.split(":", -1));
    }

    static List<String> dnsNames(X509Certificate cert) {
        return alternativeNames(cert, 2);
    }

    static List<String> ipAddresses(X509Certificate cert) {
        return alternativeNames(cert, 7);
    }

    private static List<String> alternativeNames(X509Certificate cert, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> name : all) {
                    if (((Integer) name.get(0)) == type) {
                        names.add(String.valueOf(name.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparseable SAN names nothing; the hostname check then fails and says so.
        }
        return names;
    }

    /** Key algorithm and size in bits, e.g. {@code RSA 2048} or {@code EC 256}. */
    record KeyStrength(String algorithm, int bits) {
        @Override
        public String toString() {
            return algorithm + " " + bits;
        }
    }

    static KeyStrength keyStrength(X509Certificate cert) {
        PublicKey key = cert.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return new KeyStrength("RSA", rsa.getModulus().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            return new KeyStrength("EC", ec.getParams().getOrder().bitLength());
        }
        if (key instanceof DSAPublicKey dsa) {
            return new KeyStrength("DSA", dsa.getParams().getP().bitLength());
        }
        String algorithm = key.getAlgorithm();
        // Ed25519 and Ed448 keys have a fixed, strong size.
        return new KeyStrength(algorithm, algorithm.equalsIgnoreCase("Ed448") ? 448 : 256);
    }

    static boolean weakSignature(X509Certificate cert) {
        String algorithm = cert.getSigAlgName().toUpperCase(Locale.ROOT);
        return algorithm.contains("SHA1") || algorithm.contains("SHA-1") || algorithm.contains("MD5")
                || algorithm.contains("MD2");
    }

    static List<String> ocspUrls(X509Certificate cert) {
        List<String> urls = new ArrayList<>();
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    urls.add(description.getAccessLocation().getName().toString());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A malformed AIA names no responder.
        }
        return urls;
    }

    /** SCTs embedded in the certificate (RFC 6962 section 3.3); 0 when there are none or they do not parse. */
    static int embeddedScts(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(EMBEDDED_SCTS);
        if (value == null) {
            return 0;
        }
        try {
            byte[] list = ASN1OctetString.getInstance(
                    ASN1OctetString.getInstance(value).getOctets()).getOctets();
            int count = 0;
            int offset = 2; // u16 length of the whole list, then u16-length-prefixed SCTs
            while (offset + 2 <= list.length) {
                int length = ((list[offset] & 0xff) << 8) | (list[offset + 1] & 0xff);
                offset += 2 + length;
                if (offset <= list.length) {
                    count++;
                }
            }
            return count;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "unavailable";
        }
    }

    static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            return "(not encodable)\n";
        }
    }
}
