package dev.smokegate.reference;

import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment's PKI, generated per start and kept in memory: root → intermediate → one leaf per public host,
 * plus a leaf for 127.0.0.1/localhost that Postgres and Redis serve.
 */
record ReferencePki(CertificateAuthority root, CertificateAuthority intermediate,
                    Map<String, IssuedCertificate> hostLeaves, IssuedCertificate loopbackLeaf) {

    ReferencePki {
        hostLeaves = Map.copyOf(hostLeaves);
    }

    static ReferencePki generate(List<String> hosts) {
        CertificateAuthority root = CertificateAuthority.createRoot("smokegate Reference Root CA");
        CertificateAuthority intermediate = root.issueIntermediate("smokegate Reference Issuing CA");
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
