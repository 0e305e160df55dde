package dev.smokegate.reference;

import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.revocation.RevocationServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment's PKI, generated per start and kept in memory: root → intermediate → one leaf per public host,
 * plus a leaf for 127.0.0.1/localhost that Postgres and Redis serve. Root and intermediate publish at the revocation
 * server (as {@value #ROOT_ID} and {@value #ISSUING_ID}), so every certificate below them names its OCSP responder
 * and CRL.
 */
record ReferencePki(CertificateAuthority root, CertificateAuthority intermediate,
                    Map<String, IssuedCertificate> hostLeaves, IssuedCertificate loopbackLeaf) {

    ReferencePki {
        hostLeaves = Map.copyOf(hostLeaves);
    }

    static final String ROOT_ID = "root";
    static final String ISSUING_ID = "issuing";

    /** {@code revocation} must be running: the CAs name its URLs in what they issue and are published there. */
    static ReferencePki generate(List<String> hosts, RevocationServer revocation) {
        CertificateAuthority root =
                CertificateAuthority.createRoot("smokegate Reference Root CA", revocation.endpointsFor(ROOT_ID));
        revocation.publish(ROOT_ID, root);
        CertificateAuthority intermediate =
                root.issueIntermediate("smokegate Reference Issuing CA", revocation.endpointsFor(ISSUING_ID));
        revocation.publish(ISSUING_ID, intermediate);
        Map<String, IssuedCertificate> leaves = new LinkedHashMap<>();
        hosts.forEach(host -> leaves.put(host, intermediate.issue(LeafSpec.forHosts(host).build())));
        IssuedCertificate loopback =
                intermediate.issue(LeafSpec.forHosts("localhost").ipAddresses("127.0.0.1").build());
        return new ReferencePki(root, intermediate, leaves, loopback);
    }

    IssuedCertificate leafFor(String host) {
        return hostLeaves.get(host);
    }
}
