package dev.smokegate.selftest;

import dev.smokegate.reference.TlsFault;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the TLS fault matrix: a broken TLS host of the reference deployment, every check that must fail on
 * it (with a fragment of its message) and every check that must warn. Nothing else may fail or warn.
 */
record TlsFaultCase(TlsFault fault, Map<String, String> failing, Set<String> warning) {

    static final List<TlsFaultCase> ALL = List.of(
            new TlsFaultCase(TlsFault.EXPIRED_LEAF, Map.of("tls.cert.validity", "expired on",
                    "tls.cert.expiry-horizon", "already past"), Set.of()),
            new TlsFaultCase(TlsFault.NOT_YET_VALID_LEAF, Map.of("tls.cert.validity", "not valid before"), Set.of()),
            new TlsFaultCase(TlsFault.WRONG_HOST_NAME, Map.of("tls.cert.hostname", "(the subject CN does not count)"),
                    Set.of()),
            new TlsFaultCase(TlsFault.SELF_SIGNED, Map.of("tls.chain.trusted", "self-signed certificate"),
                    Set.of("tls.revocation")),
            new TlsFaultCase(TlsFault.UNTRUSTED_ROOT, Map.of("tls.chain.trusted", "which is not among the system "
                    + "roots or the extra CA"), Set.of()),
            // Without the intermediate neither the staple nor OCSP nor the CRL can be verified: honestly a warning.
            new TlsFaultCase(TlsFault.MISSING_INTERMEDIATE, Map.of("tls.chain.complete",
                    "does not send the intermediate", "tls.chain.trusted", "(a missing intermediate)"),
                    Set.of("tls.revocation")),
            new TlsFaultCase(TlsFault.WRONG_ORDER_WITH_ROOT, Map.of("tls.chain.order", "a root must not be sent"),
                    Set.of()),
            new TlsFaultCase(TlsFault.SHA1_LEAF, Map.of("tls.cert.signature", "the leaf is signed with SHA1"),
                    Set.of()),
            new TlsFaultCase(TlsFault.SHA1_INTERMEDIATE, Map.of("tls.cert.signature",
                    "the intermediate CN="), Set.of()),
            new TlsFaultCase(TlsFault.RSA_1024_LEAF, Map.of("tls.cert.key-strength", "RSA 1024-bit key"), Set.of()),
            new TlsFaultCase(TlsFault.LEGACY_TLS_ENABLED, Map.of("tls.protocol.legacy-disabled",
                    "the server accepts TLSv1.0, TLSv1.1"), Set.of()),
            new TlsFaultCase(TlsFault.NO_TLS_1_3, Map.of(), Set.of("tls.protocol.modern")),
            new TlsFaultCase(TlsFault.NULL_CIPHER, Map.of("tls.cipher.weak-disabled", "[NULL (no encryption)]"),
                    Set.of()),
            new TlsFaultCase(TlsFault.STATIC_RSA_ONLY, Map.of("tls.cipher.forward-secrecy",
                    "TLSv1.2 accepts no forward-secret suite, a client gets TLS_RSA_WITH_AES_"), Set.of()),
            new TlsFaultCase(TlsFault.DHE_1024, Map.of("tls.cipher.forward-secrecy", "DHE uses a 1024-bit group"),
                    Set.of()),
            new TlsFaultCase(TlsFault.REVOKED_LEAF, Map.of("tls.revocation", "REVOKED"), Set.of()),
            new TlsFaultCase(TlsFault.EXPIRES_IN_20_DAYS, Map.of(), Set.of("tls.cert.expiry-horizon")),
            new TlsFaultCase(TlsFault.EXPIRES_IN_10_DAYS, Map.of("tls.cert.expiry-horizon", "(fail below 14 days)"),
                    Set.of()),
            new TlsFaultCase(TlsFault.NO_OCSP_STAPLE, Map.of(), Set.of("tls.ocsp-stapling")));

    /**
     * Checks whose failing case no fault host produces under the default config (Debian's OpenSSL 3 serves no SSLv3
     * or RC4, never omits RFC 5746, and nothing here is publicly trusted; a missing staple fails only with
     * {@code tls.ocsp-stapling: fail}, which {@link TlsFaultMatrixTest} also shows on its fault host). Each is
     * proven to fail by the named test on recorded scans instead.
     */
    static final Map<String, String> PROVEN_ON_RECORDED_SCANS = Map.of(
            "tls.renegotiation.secure", "TlsJudgesTest.insecureRenegotiationFailsAndTls13OnlyPasses",
            "tls.ct.scts", "TlsJudgesTest.publiclyTrustedCertificateNeedsTwoScts",
            "tls.ocsp-stapling", "TlsJudgesTest.missingStapleWarnsByDefaultAndFailsWhenConfiguredTo",
            "tls.protocol.modern", "TlsJudgesTest.missingTls13WarnsAndNoModernVersionFails");

    @Override
    public String toString() {
        return fault.name();
    }
}
