package dev.smokegate.check.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.tls.TlsObservation;
import java.security.cert.X509Certificate;
import java.util.List;

/** Judges of revocation, OCSP stapling and Certificate Transparency. */
final class RevocationJudges {

    static final int MIN_SCTS = 2;

    private RevocationJudges() {
    }

    static Verdict revocation(TlsObservation scan, EnvironmentConfig config) {
        TlsObservation.RevocationStatus status = scan.revocation();
        String from = switch (status.source()) {
            case STAPLE -> "the stapled OCSP response";
            case OCSP -> "the OCSP responder";
            case CRL -> "the CRL";
            case NONE -> "no source";
        };
        return switch (status.status()) {
            case GOOD -> Verdict.pass("not revoked, says " + from);
            case REVOKED -> Verdict.fail("the certificate is REVOKED, says " + from + " (" + status.detail() + ")");
            case UNKNOWN -> Verdict.warn(from + " does not know the certificate (" + status.detail() + ")");
            case LOOKUP_FAILED -> Verdict.warn("revocation could not be checked: " + status.detail());
            case NO_SOURCE -> Verdict.warn("the certificate names no OCSP responder or CRL, so revocation cannot "
                    + "be checked");
        };
    }

    static Verdict stapling(TlsObservation scan, EnvironmentConfig config) {
        if (scan.stapledOcsp().isPresent()) {
            return Verdict.pass("the server staples an OCSP response");
        }
        List<String> responders = Certificates.ocspUrls(scan.chain().get(0));
        if (responders.isEmpty()) {
            return Verdict.pass("the certificate names no OCSP responder, so there is nothing to staple");
        }
        String missing = "the certificate names OCSP responder " + responders.get(0)
                + " but the server staples no response; every client must then ask the CA itself";
        return config.tls().missingStaple() == TlsSettings.MissingStaple.FAIL ? Verdict.fail(missing)
                : Verdict.warn(missing);
    }

    static Verdict certificateTransparency(TlsObservation scan, EnvironmentConfig config) {
        if (!scan.path().systemAnchor()) {
            return Verdict.pass("privately trusted certificate: Certificate Transparency does not apply");
        }
        X509Certificate leaf = scan.chain().get(0);
        int scts = Certificates.embeddedScts(leaf) + scan.tlsExtensionScts();
        return scts >= MIN_SCTS ? Verdict.pass(scts + " SCTs (embedded and in the TLS extension)")
                : Verdict.fail("only " + scts + " SCT" + (scts == 1 ? "" : "s") + " (embedded and in the TLS "
                + "extension); browsers require at least " + MIN_SCTS + " for a publicly trusted certificate");
    }
}
