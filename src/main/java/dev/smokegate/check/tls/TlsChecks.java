package dev.smokegate.check.tls;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.tls.TlsObservation;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/** The {@code tls.*} checks, in report order. All of them judge one scan per host. */
public final class TlsChecks {

    private TlsChecks() {
    }

    /** The one scan every check of a host shares; {@code TlsProbes::scan} outside tests. */
    @FunctionalInterface
    public interface Scanner {
        ProbeRequest<TlsObservation> scan(String host, int port);
    }

    public static List<Check<?>> all(Clock clock, Scanner scanner) {
        CertificateJudges dated = new CertificateJudges(clock);
        return List.of(
                tls(CheckSpec.gate("tls.chain.trusted", Severity.CRITICAL,
                        "The certificate chain, as the server sends it, builds to a trusted root.",
                        "Serve a certificate from a public CA (Vercel and Railway issue them for custom domains), "
                                + "or for a private CA set trust.extra-ca-file; if you upload a certificate, upload "
                                + "the full chain (fullchain.pem), not the leaf alone."),
                        ChainJudges::trusted, false, scanner),
                tls(CheckSpec.gate("tls.chain.complete", Severity.HIGH,
                        "The server sends every intermediate certificate between its leaf and the root.",
                        "Configure the full chain (leaf then intermediates; fullchain.pem from ACME clients). "
                                + "Browsers may hide the gap by fetching or caching intermediates; API clients "
                                + "and mobile apps do not."),
                        ChainJudges::complete, false, scanner),
                tls(CheckSpec.nightly("tls.chain.order", Severity.LOW,
                        "The chain is sent leaf first, each certificate followed by its issuer, without the root.",
                        "Order the chain file leaf, intermediate(s); remove the root certificate from it."),
                        ChainJudges::order, false, scanner),
                tls(CheckSpec.gate("tls.cert.hostname", Severity.CRITICAL,
                        "The certificate's subject alternative names cover the host name.",
                        "Issue the certificate for this exact name (or a matching one-label wildcard) in the SAN; "
                                + "on Vercel/Railway add the domain to the project so its certificate covers it."),
                        CertificateJudges::hostname, false, scanner),
                tls(CheckSpec.gate("tls.cert.validity", Severity.CRITICAL,
                        "The certificate is within its validity period.",
                        "Renew and deploy the certificate now; check why automatic renewal (ACME, the platform's "
                                + "managed certificate) did not run."),
                        dated::validity, false, scanner),
                tls(CheckSpec.gate("tls.cert.expiry-horizon", Severity.HIGH,
                        "The certificate has more days left than the configured fail and warn thresholds.",
                        "Renew before the threshold: check the ACME client or the platform's certificate status "
                                + "and DNS validation; tune thresholds.cert-expiry-fail-days / -warn-days."),
                        dated::expiryHorizon, false, scanner),
                tls(CheckSpec.gate("tls.cert.key-strength", Severity.HIGH,
                        "Every certificate key in the chain is RSA >= 2048 bits or EC >= 256 bits.",
                        "Reissue with an EC P-256 key (or RSA 2048+)."),
                        CertificateJudges::keyStrength, false, scanner),
                tls(CheckSpec.gate("tls.cert.signature", Severity.HIGH,
                        "No certificate below the root is signed with SHA-1 or MD5.",
                        "Reissue the certificate (or get an intermediate) signed with SHA-256 or better."),
                        CertificateJudges::signature, false, scanner),
                tls(CheckSpec.gate("tls.protocol.legacy-disabled", Severity.HIGH,
                        "SSLv3, TLS 1.0 and TLS 1.1 handshakes are refused.",
                        "Set the minimum protocol to TLSv1.2 (nginx ssl_protocols TLSv1.2 TLSv1.3; a load "
                                + "balancer's TLS policy); managed platforms already do this."),
                        ProtocolJudges::legacyDisabled, false, scanner),
                tls(CheckSpec.gate("tls.protocol.modern", Severity.HIGH,
                        "A current client's ClientHello is accepted with TLS 1.2 or TLS 1.3; TLS 1.3 missing is a "
                                + "warning.",
                        "Enable TLSv1.3 alongside TLSv1.2 on the TLS terminator (nginx ssl_protocols, the load "
                                + "balancer policy); if only legacy suites are configured (NULL, 3DES), use Mozilla's "
                                + "intermediate cipher list; if no handshake works at all, check the listener and "
                                + "port."),
                        ProtocolJudges::modern, true, scanner),
                tls(CheckSpec.gate("tls.cipher.weak-disabled", Severity.HIGH,
                        "No NULL, anonymous, EXPORT, DES, RC4, 3DES or IDEA cipher suite is accepted.",
                        "Restrict cipher suites to AEAD suites with ECDHE (Mozilla's intermediate profile)."),
                        ProtocolJudges::weakCiphersDisabled, false, scanner),
                tls(CheckSpec.gate("tls.cipher.forward-secrecy", Severity.MEDIUM,
                        "A current client gets ECDHE or DHE on every version up to TLS 1.2 and DHE groups are >= "
                                + "2048 bits; static RSA/DH suites accepted besides warn.",
                        "Let ECDHE win: list ECDHE suites first with the server's order preferred, or leave the "
                                + "order to the client (nginx's default); drop static RSA/DH suites (TLS_RSA_*) as "
                                + "Mozilla's intermediate cipher list does; if DHE stays, use a 2048-bit or larger "
                                + "group (ssl_dhparam with ffdhe2048)."),
                        ProtocolJudges::forwardSecrecy, false, scanner),
                tls(CheckSpec.gate("tls.revocation", Severity.CRITICAL,
                        "The leaf certificate is not revoked (stapled OCSP, else OCSP or CRL).",
                        "Replace the revoked certificate at once (reissue with a new key if it was compromised) "
                                + "and find out why it was revoked."),
                        RevocationJudges::revocation, false, scanner),
                tls(CheckSpec.nightly("tls.ocsp-stapling", Severity.LOW,
                        "When the certificate names an OCSP responder, the server staples its response; a missing "
                                + "staple warns (fails with tls.ocsp-stapling: fail).",
                        "Enable OCSP stapling (nginx ssl_stapling on; ssl_stapling_verify on; with a resolver); a "
                                + "certificate without an OCSP URL (Let's Encrypt since 2025) has nothing to staple."),
                        RevocationJudges::stapling, false, scanner),
                tls(CheckSpec.nightly("tls.ct.scts", Severity.LOW,
                        "A publicly trusted certificate carries at least 2 Certificate Transparency SCTs.",
                        "Use a CA that logs to Certificate Transparency and embeds SCTs (every public CA does); "
                                + "a certificate without them was likely issued incorrectly."),
                        RevocationJudges::certificateTransparency, false, scanner),
                tls(CheckSpec.gate("tls.renegotiation.secure", Severity.MEDIUM,
                        "The server supports secure renegotiation (RFC 5746) on TLS 1.2 and below.",
                        "Upgrade the TLS library of the terminator (every maintained one supports RFC 5746), or "
                                + "serve TLS 1.3 only."),
                        ProtocolJudges::secureRenegotiation, false, scanner));
    }

    /**
     * One {@code tls.*} requirement: a spec and a judge of a scan in which at least one handshake completed. Every
     * TLS check of a host judges the same scan. When no handshake completed, only the checks that
     * {@code failsWithoutHandshake} fail (the host speaks no usable TLS); the others have nothing to judge and say so.
     */
    private static Check<TlsObservation> tls(CheckSpec spec,
                                             BiFunction<TlsObservation, EnvironmentConfig, Verdict> judge,
                                             boolean failsWithoutHandshake, Scanner scanner) {
        return ObservedCheck.of(spec, TlsTargets::of,
                        (target, config) -> scanner.scan(TlsTargets.host(target), TlsTargets.port(target)),
                        (TlsObservation scan, EnvironmentConfig config) -> {
                            if (!scan.handshakeSucceeded()) {
                                String why = "no TLS handshake with " + scan.dialled() + " completed: "
                                        + scan.failure().orElse("the server sent no certificate");
                                return failsWithoutHandshake ? Verdict.fail(why) : Verdict.inconclusive(why);
                            }
                            return judge.apply(scan, config).withEvidence(TlsEvidence.of(scan));
                        })
                .withNotApplicable(config -> "no https or wss URL and no tls.hosts configured");
    }
}
