package dev.smokegate.reference.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate with its private key and the intermediates a server must send along with it.
 *
 * @param intermediates issuing CA first, up to but excluding the root (clients must already trust the root)
 */
public record IssuedCertificate(
        X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> intermediates) {

    public IssuedCertificate {
        intermediates = List.copyOf(intermediates);
    }

    /** The chain as a correctly configured server sends it: leaf first, then each issuer. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>(1 + intermediates.size());
        chain.add(certificate);
        chain.addAll(intermediates);
        return List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
