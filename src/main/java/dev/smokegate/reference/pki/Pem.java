package dev.smokegate.reference.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/** PEM files as OpenSSL-based servers (Postgres, Redis, nginx) and curl read them. */
public final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    public static String encode(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        Files.writeString(file, encode(certificates), StandardCharsets.US_ASCII);
    }

    /**
     * Writes the key as unencrypted PKCS#8. The file is created 0600 in one step, so the key is never readable by
     * others, not even briefly; an existing file is an error rather than silently replaced.
     */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, block("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Finite-field Diffie-Hellman parameters (PKCS #3 DHParameter: prime and generator), as OpenSSL reads them. */
    public static void writeDhParameters(Path file, BigInteger prime, BigInteger generator) throws IOException {
        byte[] der;
        try {
            ASN1Encodable[] parameters = {new ASN1Integer(prime), new ASN1Integer(generator)};
            der = new DERSequence(parameters).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode DH parameters", e);
        }
        Files.writeString(file, block("DH PARAMETERS", der), StandardCharsets.US_ASCII);
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
