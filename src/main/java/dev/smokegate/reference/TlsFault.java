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
     * RSA 2048 leaf; TLS 1.2 only, with only {@code NULL-SHA256:NULL-SHA} (static RSA key exchange, no encryption):
     * a current client's ClientHello gets a handshake_failure alert, yet the chain is healthy. Fails
     * tls.cipher.weak-disabled, tls.protocol.modern and tls.cipher.forward-secrecy.
     */
    NULL_ONLY("null-only"),

    /**
     * TLS 1.2 only, with only TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA (forward secret, but a 64-bit block cipher:
     * Sweet32). Served by BouncyCastle's TLS server, not nginx: Debian 12's OpenSSL 3 has no 3DES suite at all
     * ({@code openssl ciphers -v 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'} lists none), and the JDK's
     * {@code jdk.tls.disabledAlgorithms}, which forbid 3DES, are JVM-wide. Fails tls.cipher.weak-disabled and
     * tls.protocol.modern.
     */
    TRIPLE_DES_ONLY("triple-des-only"),

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
     * RSA 2048 leaf; nginx's own default {@code ssl_ciphers HIGH:!aNULL:!MD5} with its default
     * {@code ssl_prefer_server_ciphers off}: a current client gets ECDHE, but static-RSA suites
     * ({@code TLS_RSA_WITH_AES_*}) are accepted too, as on many CDN and load-balancer defaults. Fails nothing;
     * tls.cipher.forward-secrecy warns.
     */
    NGINX_DEFAULT_CIPHERS("nginx-default-ciphers"),

    /**
     * The leaf is revoked (keyCompromise): the OCSP responder says REVOKED, the CRL lists its serial, and the host
     * staples the REVOKED response. Fails tls.revocation.
     */
    REVOKED_LEAF("revoked-leaf"),

    /** The leaf expires in 20 days (and an hour). Fails nothing; tls.cert.expiry-horizon warns. */
    EXPIRES_IN_20_DAYS("expires-in-20-days"),

    /** The leaf expires in 10 days (and an hour). Fails tls.cert.expiry-horizon. */
    EXPIRES_IN_10_DAYS("expires-in-10-days"),

    /**
     * A healthy leaf with an OCSP URL that answers GOOD, but the server staples nothing. tls.ocsp-stapling warns (it
     * fails with {@code tls.ocsp-stapling: fail}).
     */
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
