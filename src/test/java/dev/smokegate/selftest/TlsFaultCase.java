package dev.smokegate.selftest;

import dev.smokegate.reference.TlsFault;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the TLS fault matrix: a broken TLS host of the reference deployment, every check that must fail on
 * it and every check that must warn, each with a fragment of its message. Nothing else may fail or warn.
 */
record TlsFaultCase(TlsFault fault, Map<String, String> failing, Map<String, String> warnings) {

    static final List<TlsFaultCase> ALL = List.of(
            new TlsFaultCase(TlsFault.EXPIRED_LEAF, Map.of("tls.cert.validity", "expired on",
                    "tls.cert.expiry-horizon", "already past"), Map.of()),
            new TlsFaultCase(TlsFault.NOT_YET_VALID_LEAF, Map.of("tls.cert.validity", "not valid before"), Map.of()),
            new TlsFaultCase(TlsFault.WRONG_HOST_NAME, Map.of("tls.cert.hostname", "(the subject CN does not count)"),
                    Map.of()),
            new TlsFaultCase(TlsFault.SELF_SIGNED, Map.of("tls.chain.trusted", "self-signed certificate"),
                    Map.of("tls.revocation", "names no OCSP responder or CRL")),
            new TlsFaultCase(TlsFault.UNTRUSTED_ROOT, Map.of("tls.chain.trusted", "which is not among the system "
                    + "roots or the extra CA"), Map.of()),
            // Without the intermediate neither the staple nor OCSP nor the CRL can be verified: honestly a warning.
            new TlsFaultCase(TlsFault.MISSING_INTERMEDIATE, Map.of("tls.chain.complete",
                    "does not send the intermediate", "tls.chain.trusted", "(a missing intermediate)"),
                    Map.of("tls.revocation", "revocation could not be checked")),
            new TlsFaultCase(TlsFault.WRONG_ORDER_WITH_ROOT, Map.of("tls.chain.order", "a root must not be sent"),
                    Map.of()),
            new TlsFaultCase(TlsFault.SHA1_LEAF, Map.of("tls.cert.signature", "the leaf is signed with SHA1"),
                    Map.of()),
            new TlsFaultCase(TlsFault.SHA1_INTERMEDIATE, Map.of("tls.cert.signature",
                    "the intermediate CN="), Map.of()),
            new TlsFaultCase(TlsFault.RSA_1024_LEAF, Map.of("tls.cert.key-strength", "RSA 1024-bit key"), Map.of()),
            new TlsFaultCase(TlsFault.LEGACY_TLS_ENABLED, Map.of("tls.protocol.legacy-disabled",
                    "the server accepts TLSv1.0, TLSv1.1"), Map.of()),
            new TlsFaultCase(TlsFault.NO_TLS_1_3, Map.of(), Map.of("tls.protocol.modern",
                    "TLSv1.2 is accepted but TLSv1.3 is not")),
            new TlsFaultCase(TlsFault.NULL_CIPHER, Map.of("tls.cipher.weak-disabled", "[NULL (no encryption)]"),
                    Map.of()),
            new TlsFaultCase(TlsFault.NULL_ONLY, Map.of(
                    "tls.cipher.weak-disabled", "TLS_RSA_WITH_NULL_SHA256 on TLSv1.2 [NULL (no encryption)], "
                            + "TLS_RSA_WITH_NULL_SHA on TLSv1.2 [NULL (no encryption)]",
                    "tls.protocol.modern", "is refused: server sent alert handshake_failure; the server accepts only "
                            + "suites a current client does not offer: TLS_RSA_WITH_NULL_SHA256 on TLSv1.2, "
                            + "TLS_RSA_WITH_NULL_SHA on TLSv1.2, so a current browser cannot connect",
                    "tls.cipher.forward-secrecy", "TLSv1.2 accepts no forward-secret suite, a client gets "
                            + "TLS_RSA_WITH_NULL_SHA256"), Map.of()),
            new TlsFaultCase(TlsFault.TRIPLE_DES_ONLY, Map.of(
                    "tls.cipher.weak-disabled", "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA on TLSv1.2 [3DES (Sweet32)]",
                    "tls.protocol.modern", "is refused: server sent alert handshake_failure; the server accepts only "
                            + "suites a current client does not offer: TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA on "
                            + "TLSv1.2"), Map.of()),
            new TlsFaultCase(TlsFault.STATIC_RSA_ONLY, Map.of("tls.cipher.forward-secrecy",
                    "TLSv1.2 accepts no forward-secret suite, a client gets TLS_RSA_WITH_AES_"), Map.of()),
            new TlsFaultCase(TlsFault.DHE_1024, Map.of("tls.cipher.forward-secrecy", "DHE uses a 1024-bit group"),
                    Map.of()),
            new TlsFaultCase(TlsFault.NGINX_DEFAULT_CIPHERS, Map.of(), Map.of("tls.cipher.forward-secrecy",
                    "a current client gets forward secrecy, but suites without it are also accepted: TLS_RSA_WITH_")),
            new TlsFaultCase(TlsFault.REVOKED_LEAF, Map.of("tls.revocation", "REVOKED"), Map.of()),
            new TlsFaultCase(TlsFault.EXPIRES_IN_20_DAYS, Map.of(), Map.of("tls.cert.expiry-horizon",
                    "20 days left (warn below 30 days)")),
            new TlsFaultCase(TlsFault.EXPIRES_IN_10_DAYS, Map.of("tls.cert.expiry-horizon", "(fail below 14 days)"),
                    Map.of()),
            new TlsFaultCase(TlsFault.NO_OCSP_STAPLE, Map.of(), Map.of("tls.ocsp-stapling",
                    "but the server staples no response")));

    /**
     * Checks whose failing case no fault host produces under the default config (no server here serves SSLv3 or
     * RC4 or omits RFC 5746, and nothing here is publicly trusted; a missing staple fails only with
     * {@code tls.ocsp-stapling: fail}, which {@link TlsFaultMatrixTest} also shows on its fault host). Each is
     * proven to fail by the named test on recorded scans instead.
     */
    static final Map<String, String> PROVEN_ON_RECORDED_SCANS = Map.of(
            "tls.renegotiation.secure", "TlsJudgesTest.insecureRenegotiationFailsAndTls13OnlyPasses",
            "tls.ct.scts", "TlsJudgesTest.publiclyTrustedCertificateNeedsTwoScts",
            "tls.ocsp-stapling", "TlsJudgesTest.missingStapleWarnsByDefaultAndFailsWhenConfiguredTo");

    /** The checks that must warn. */
    Set<String> warning() {
        return warnings.keySet();
    }

    @Override
    public String toString() {
        return fault.name();
    }
}
