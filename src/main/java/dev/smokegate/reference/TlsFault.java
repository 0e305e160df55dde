package dev.smokegate.reference;

/**
 * A TLS host of the reference deployment that is broken in exactly one way, started on demand with
 * {@link ReferenceDeployment#tlsFaultHost(TlsFault)} on its own loopback port under its own public name
 * ({@link #hostName()}, e.g. {@code expired-leaf.tls.smokegate.test}).
 *
 * <p>Unless its constant says otherwise, every fault host is healthy like the deployment's own hosts: a leaf for its
 * name from the deployment's root (leaf, then the intermediate), EC P-256 signed with SHA-256, at least 60 days left,
 * a GOOD OCSP response stapled, an OCSP URL and a CRL distribution point that answer, TLS 1.2 and 1.3 only, ECDHE
 * (TLS 1.2) and AEAD suites only, secure renegotiation (RFC 5746). The checks each fault must make fail are the
 * contract with the {@code tls.*} checks and their fault matrix.
 */
public enum TlsFault {

    /** The leaf expired yesterday (valid for the 90 days before). Fails tls.cert.validity, tls.cert.expiry-horizon. */
    EXPIRED_LEAF("expired-leaf"),

    /** The leaf becomes valid only in 7 days (and then for 90 days). Fails tls.cert.validity. */
    NOT_YET_VALID_LEAF("not-yet-valid-leaf"),

    /**
     * The leaf's only SAN is {@code other.smokegate.test}, while its subject CN is this host's name (which must not
     * count). Fails tls.cert.hostname.
     */
    WRONG_HOST_NAME("wrong-host-name"),

    /**
     * A self-signed leaf for this name (CA:false, serverAuth), sent alone; it has no OCSP URL or CRL distribution
     * point, so no staple and no revocation source. Fails tls.chain.trusted.
     */
    SELF_SIGNED("self-signed"),

    /**
     * Leaf and intermediate from a second root that is not the deployment's root (and not in {@code ca.crt}); the
     * revocation server answers for that intermediate too, so the staple is GOOD. Fails tls.chain.trusted.
     */
    UNTRUSTED_ROOT("untrusted-root"),

    /** The leaf is sent without its intermediate. Fails tls.chain.complete and tls.chain.trusted. */
    MISSING_INTERMEDIATE("missing-intermediate"),

    /** Sends leaf, root, intermediate: out of order and with the root included. Fails tls.chain.order. */
    WRONG_ORDER_WITH_ROOT("wrong-order-with-root"),

    /** The leaf is signed with SHA1withECDSA by the (healthy) intermediate. Fails tls.cert.signature. */
    SHA1_LEAF("sha1-leaf"),

    /**
     * A healthy leaf below an intermediate that the deployment's root signed with SHA1withECDSA. Fails
     * tls.cert.signature.
     */
    SHA1_INTERMEDIATE("sha1-intermediate"),

    /** The leaf has a 1024-bit RSA key (TLS 1.2 uses ECDHE_RSA suites). Fails tls.cert.key-strength. */
    RSA_1024_LEAF("rsa-1024-leaf"),

    /**
     * Accepts TLS 1.0 and 1.1 besides 1.2 and 1.3 (with ECDHE-ECDSA AES-CBC suites, which those versions need).
     * Fails tls.protocol.legacy-disabled.
     */
    LEGACY_TLS_ENABLED("legacy-tls-enabled"),

    /** TLS 1.2 only. Fails nothing; tls.protocol.modern warns. */
    NO_TLS_1_3("no-tls-1-3"),

    /**
     * Accepts ECDHE-ECDSA-NULL-SHA (forward secret, but no encryption) on TLS 1.2 when a client offers it, besides
     * the usual ECDHE suites. Fails tls.cipher.weak-disabled.
     */
    NULL_CIPHER("null-cipher"),

    /**
     * RSA 2048 leaf; TLS 1.2 offers only static-RSA key exchange ({@code TLS_RSA_WITH_AES_*_GCM_*}); TLS 1.3 stays on.
     * Fails tls.cipher.forward-secrecy.
     */
    STATIC_RSA_ONLY("static-rsa-only"),

    /**
     * RSA 2048 leaf; TLS 1.2 accepts DHE-RSA suites with the 1024-bit RFC 2409 group 2, besides ECDHE-RSA. Fails
     * tls.cipher.forward-secrecy.
     */
    DHE_1024("dhe-1024"),

    /**
     * The leaf is revoked (keyCompromise): the OCSP responder says REVOKED, the CRL lists its serial, and the host
     * staples the REVOKED response. Fails tls.revocation.
     */
    REVOKED_LEAF("revoked-leaf"),

    /** The leaf expires in 20 days (and an hour). Fails nothing; tls.cert.expiry-horizon warns. */
    EXPIRES_IN_20_DAYS("expires-in-20-days"),

    /** The leaf expires in 10 days (and an hour). Fails tls.cert.expiry-horizon. */
    EXPIRES_IN_10_DAYS("expires-in-10-days"),

    /** A healthy leaf with an OCSP URL that answers GOOD, but the server staples nothing. Fails tls.ocsp-stapling. */
    NO_OCSP_STAPLE("no-ocsp-staple");

    /** Every fault host's name ends with this domain. */
    public static final String DOMAIN = "tls.smokegate.test";

    private final String label;

    TlsFault(String label) {
        this.label = label;
    }

    /** The public host name, e.g. {@code expired-leaf.tls.smokegate.test}; served on port 443 via connect-to. */
    public String hostName() {
        return label + "." + DOMAIN;
    }
}
