package dev.smokegate.check.tls;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.tls.TlsObservation;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/** The scan as a reader of the report wants it: the chain as sent, and what the handshakes found. */
final class TlsEvidence {

    private TlsEvidence() {
    }

    static List<Evidence> of(TlsObservation scan) {
        return List.of(Evidence.text("certificate chain as sent by " + scan.host() + ":" + scan.port(), chain(scan)),
                Evidence.text("TLS handshakes with " + scan.dialled(), handshakes(scan)));
    }

    private static String chain(TlsObservation scan) {
        StringBuilder text = new StringBuilder();
        List<X509Certificate> chain = scan.chain();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            text.append('#').append(i).append(i == 0 ? " (leaf)" : "").append('\n')
                    .append("  subject:   ").append(Certificates.subject(cert)).append('\n')
                    .append("  issuer:    ").append(Certificates.issuer(cert)).append('\n')
                    .append("  validity:  ").append(cert.getNotBefore().toInstant()).append(" .. ")
                    .append(cert.getNotAfter().toInstant()).append('\n')
                    .append("  key:       ").append(Certificates.keyStrength(cert)).append('\n')
                    .append("  signature: ").append(cert.getSigAlgName()).append('\n')
                    .append("  SAN DNS:   ").append(Certificates.dnsNames(cert)).append('\n')
                    .append("  SHA-256:   ").append(Certificates.sha256(cert)).append('\n')
                    .append(Certificates.pem(cert));
        }
        TlsObservation.PathValidation path = scan.path();
        text.append("\npath: trusted=").append(path.trusted()).append(" complete=").append(path.complete())
                .append(path.anchor().map(a -> " anchor=" + a).orElse(""))
                .append(path.systemAnchor() ? " (system root)" : "")
                .append(path.problem().map(p -> "\nproblem: " + p).orElse("")).append('\n');
        return text.toString();
    }

    private static String handshakes(TlsObservation scan) {
        StringBuilder text = new StringBuilder();
        scan.modernOfferRefused().ifPresent(alert -> text.append("a current client's offer: refused (").append(alert)
                .append("); the chain below comes from an offer of every suite\n"));
        text.append("versions:\n");
        scan.versions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(v -> text
                .append("  ").append(v.getKey().label()).append(": ")
                .append(v.getValue().accepted() ? "accepted" : "refused").append(" (").append(v.getValue().detail())
                .append(")\n"));
        text.append("accepted suites:\n");
        scan.acceptedSuites().forEach(s -> text.append("  ").append(s.version().label()).append(' ')
                .append(s.name()).append('\n'));
        text.append("a current client gets:\n");
        scan.serverChoices().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(c -> text
                .append("  ").append(c.getKey().label()).append(' ').append(c.getValue().name()).append('\n'));
        scan.dheGroupBits().ifPresent(bits -> text.append("DHE group: ").append(bits).append(" bits\n"));
        text.append("secure renegotiation: ")
                .append(scan.secureRenegotiation().map(String::valueOf).orElse("n/a (no TLS 1.2 handshake)"))
                .append('\n')
                .append("OCSP staple: ").append(scan.stapledOcsp().isPresent() ? "sent" : "none").append('\n')
                .append("SCTs in TLS extension: ").append(scan.tlsExtensionScts()).append('\n')
                .append("revocation: ").append(scan.revocation().status()).append(" from ")
                .append(scan.revocation().source()).append(" (").append(scan.revocation().detail()).append(")\n");
        return text.toString();
    }
}
