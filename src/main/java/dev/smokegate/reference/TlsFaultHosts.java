package dev.smokegate.reference;

import dev.smokegate.reference.pki.BouncyCastleTlsServer;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.DhGroups;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.KeyType;
import dev.smokegate.reference.pki.LeafSpec;
import dev.smokegate.reference.pki.OcspResponder;
import dev.smokegate.reference.pki.Pem;
import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.pki.TlsServerSettings;
import dev.smokegate.reference.revocation.RevocationServer;
import dev.smokegate.reference.services.NginxServer;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.Route;
import dev.smokegate.reference.web.Site;
import dev.smokegate.reference.web.SiteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * The {@link TlsFault} hosts of one deployment, each generated and started on first use on its own loopback port
 * and stopped with the deployment (each server is registered with its {@link Cleanup}).
 *
 * <p>Served by the JDK ({@link SiteServer}, OCSP stapling fetched from the leaf's AIA) wherever the JDK can serve the
 * fault; by nginx ({@link NginxServer}, staple from a file) for what the JDK cannot or will not do: TLS 1.0/1.1, NULL
 * and 1024-bit DHE suites, a staple for a chain sent without its intermediate or out of order, no staple at all, and
 * nginx's own default cipher list; by BouncyCastle ({@link BouncyCastleTlsServer}, staple from a file) for 3DES,
 * which neither serves.
 */
final class TlsFaultHosts {

    /** The faults nginx serves; the JDK serves all others. */
    static final Set<TlsFault> SERVED_BY_NGINX = Set.of(TlsFault.MISSING_INTERMEDIATE,
            TlsFault.WRONG_ORDER_WITH_ROOT, TlsFault.LEGACY_TLS_ENABLED, TlsFault.NULL_CIPHER, TlsFault.NULL_ONLY,
            TlsFault.DHE_1024, TlsFault.NGINX_DEFAULT_CIPHERS, TlsFault.NO_OCSP_STAPLE);
    /** The faults BouncyCastle's TLS server serves. */
    static final Set<TlsFault> SERVED_BY_BOUNCY_CASTLE = Set.of(TlsFault.TRIPLE_DES_ONLY);

    static final String UNTRUSTED_ROOT_ID = "untrusted-root";
    static final String UNTRUSTED_ISSUING_ID = "untrusted-issuing";
    static final String SHA1_ISSUING_ID = "sha1-issuing";
    /** The only name on the {@link TlsFault#WRONG_HOST_NAME} leaf. */
    static final String OTHER_HOST = "other.smokegate.test";

    /** OpenSSL names of {@link TlsServerSettings#MODERN}'s TLS 1.2 suites. */
    private static final String MODERN_CIPHERS = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256"
            + ":ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256"
            + ":ECDHE-RSA-CHACHA20-POLY1305";
    private static final List<String> MODERN_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");
    /** nginx's own default {@code ssl_ciphers}, used with its default {@code ssl_prefer_server_ciphers off}. */
    private static final String NGINX_DEFAULT_CIPHERS = "HIGH:!aNULL:!MD5";
    /** What OpenSSL 3 needs to serve TLS 1.0/1.1 (SHA-1 handshake signatures), NULL suites or DH-1024 at all. */
    private static final String SECLEVEL_0 = ":@SECLEVEL=0";

    private final ReferencePki pki;
    private final RevocationServer revocation;
    private final Path dir;
    private final Cleanup cleanup;
    private final Map<TlsFault, Started> started = new EnumMap<>(TlsFault.class);
    private CertificateAuthority untrustedIssuing;
    private CertificateAuthority sha1Issuing;
    private Path dhParameters;

    /** A running fault host; {@code nginx} is empty when the JDK serves it. */
    record Started(int port, Optional<NginxServer> nginx) {
    }

    TlsFaultHosts(ReferencePki pki, RevocationServer revocation, Path dir, Cleanup cleanup) {
        this.pki = pki;
        this.revocation = revocation;
        this.dir = dir;
        this.cleanup = cleanup;
    }

    /** Starts the host for {@code fault} unless it runs already; returns it once it accepts connections. */
    synchronized Started start(TlsFault fault) throws IOException {
        Started running = started.get(fault);
        if (running == null) {
            running = launch(fault);
            started.put(fault, running);
        }
        return running;
    }

    /** The hosts started so far, in {@link TlsFault} declaration order. */
    synchronized Map<TlsFault, Started> started() {
        return new LinkedHashMap<>(started);
    }

    private Started launch(TlsFault fault) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateAuthority issuing = pki.intermediate();
        return switch (fault) {
            case EXPIRED_LEAF -> jdk(fault, issuing.issue(leaf(fault)
                    .validity(now.minus(days(91)), now.minus(days(1))).build()));
            case NOT_YET_VALID_LEAF -> jdk(fault, issuing.issue(leaf(fault)
                    .validity(now.plus(days(7)), now.plus(days(97))).build()));
            case WRONG_HOST_NAME -> jdk(fault, issuing.issue(LeafSpec.forHosts(OTHER_HOST)
                    .commonName(fault.hostName()).build()));
            case SELF_SIGNED -> jdk(fault, CertificateAuthority.selfSigned(leaf(fault).build()));
            case UNTRUSTED_ROOT -> jdk(fault, untrustedIssuing().issue(leaf(fault).build()));
            case MISSING_INTERMEDIATE -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                yield nginx(fault, List.of(leaf.certificate()), leaf.privateKey(), MODERN_PROTOCOLS, MODERN_CIPHERS,
                        false, Optional.of(staple(issuing, leaf)));
            }
            case WRONG_ORDER_WITH_ROOT -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                yield nginx(fault, List.of(leaf.certificate(), pki.root().certificate(), issuing.certificate()),
                        leaf.privateKey(), MODERN_PROTOCOLS, MODERN_CIPHERS, false, Optional.of(staple(issuing, leaf)));
            }
            case SHA1_LEAF -> jdk(fault, issuing.issue(leaf(fault).digest("SHA1").build()));
            case SHA1_INTERMEDIATE -> jdk(fault, sha1Issuing().issue(leaf(fault).build()));
            case RSA_1024_LEAF -> jdk(fault, issuing.issue(leaf(fault).keyType(KeyType.RSA_1024).build()));
            case LEGACY_TLS_ENABLED -> {
                // TLS 1.0 and 1.1 have no AEAD suites: they need CBC ones, still forward secret.
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                yield nginx(fault, leaf.chain(), leaf.privateKey(), List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
                        MODERN_CIPHERS + ":ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA" + SECLEVEL_0, false,
                        Optional.of(staple(issuing, leaf)));
            }
            case NO_TLS_1_3 -> jdk(fault, issuing.issue(leaf(fault).build()), TlsServerSettings.TLS_1_2_ONLY);
            case NULL_ONLY -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).keyType(KeyType.RSA_2048).build());
                yield nginx(fault, leaf.chain(), leaf.privateKey(), List.of("TLSv1.2"),
                        "NULL-SHA256:NULL-SHA" + SECLEVEL_0, false, Optional.of(staple(issuing, leaf)));
            }
            case TRIPLE_DES_ONLY -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                BouncyCastleTlsServer server = new BouncyCastleTlsServer(fault.hostName(), leaf.chain(),
                        leaf.privateKey(), ProtocolVersion.TLSv12.only(),
                        new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA},
                        Optional.of(staple(issuing, leaf)));
                registerOrClose(server);
                yield new Started(server.port(), Optional.empty());
            }
            case NULL_CIPHER -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                yield nginx(fault, leaf.chain(), leaf.privateKey(), MODERN_PROTOCOLS,
                        MODERN_CIPHERS + ":ECDHE-ECDSA-NULL-SHA" + SECLEVEL_0, false,
                        Optional.of(staple(issuing, leaf)));
            }
            case STATIC_RSA_ONLY -> jdk(fault, issuing.issue(leaf(fault).keyType(KeyType.RSA_2048).build()),
                    TlsServerSettings.STATIC_RSA_KEY_EXCHANGE);
            case DHE_1024 -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).keyType(KeyType.RSA_2048).build());
                yield nginx(fault, leaf.chain(), leaf.privateKey(), MODERN_PROTOCOLS,
                        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384"
                                + ":DHE-RSA-AES128-GCM-SHA256" + SECLEVEL_0,
                        true, Optional.of(staple(issuing, leaf)));
            }
            case NGINX_DEFAULT_CIPHERS -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).keyType(KeyType.RSA_2048).build());
                yield nginx(fault, new NginxServer.TlsSite(fault.hostName(), leaf.chain(), leaf.privateKey(),
                        MODERN_PROTOCOLS, NGINX_DEFAULT_CIPHERS, false, Optional.empty(),
                        Optional.of(staple(issuing, leaf))));
            }
            case REVOKED_LEAF -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                issuing.revoke(leaf.certificate(), now.minus(Duration.ofMinutes(10)), CRLReason.keyCompromise);
                // The JDK fetches the status itself on the first handshake and staples whatever it says.
                yield jdk(fault, leaf);
            }
            case EXPIRES_IN_20_DAYS -> jdk(fault, issuing.issue(leaf(fault)
                    .validity(now.minus(days(70)), now.plus(days(20)).plus(Duration.ofHours(1))).build()));
            case EXPIRES_IN_10_DAYS -> jdk(fault, issuing.issue(leaf(fault)
                    .validity(now.minus(days(80)), now.plus(days(10)).plus(Duration.ofHours(1))).build()));
            case NO_OCSP_STAPLE -> {
                IssuedCertificate leaf = issuing.issue(leaf(fault).build());
                yield nginx(fault, leaf.chain(), leaf.privateKey(), MODERN_PROTOCOLS, MODERN_CIPHERS, false,
                        Optional.empty());
            }
        };
    }

    private Started jdk(TlsFault fault, IssuedCertificate identity) throws IOException {
        return jdk(fault, identity, TlsServerSettings.MODERN);
    }

    private Started jdk(TlsFault fault, IssuedCertificate identity, TlsServerSettings settings) throws IOException {
        String host = fault.hostName();
        Site site = new Site(List.of(Route.any(request ->
                Response.text(200, "smokegate TLS fault host " + host + "\n"))), List.of());
        SiteServer server = SiteServer.https(host, TlsContexts.server(identity.chain(), identity.privateKey()),
                settings, site);
        registerOrClose(server);
        return new Started(server.port(), Optional.empty());
    }

    private Started nginx(TlsFault fault, List<X509Certificate> chain, PrivateKey key, List<String> protocols,
                          String ciphers, boolean dhe1024, Optional<byte[]> staple) throws IOException {
        return nginx(fault, new NginxServer.TlsSite(fault.hostName(), chain, key, protocols, ciphers, true,
                dhe1024 ? Optional.of(dhParameters()) : Optional.empty(), staple));
    }

    private Started nginx(TlsFault fault, NginxServer.TlsSite site) throws IOException {
        NginxServer server = NginxServer.start(directory().resolve(fault.name().toLowerCase(java.util.Locale.ROOT)),
                site);
        registerOrClose(server);
        return new Started(server.port(), Optional.of(server));
    }

    /** A deployment closed while this host was starting must not leak it. */
    private void registerOrClose(AutoCloseable server) throws IOException {
        try {
            cleanup.register(server);
        } catch (IllegalStateException closed) {
            try {
                server.close();
            } catch (Exception e) {
                closed.addSuppressed(e);
            }
            throw closed;
        }
    }

    private static byte[] staple(CertificateAuthority issuer, IssuedCertificate leaf) {
        return new OcspResponder(issuer).responseFor(leaf.certificate());
    }

    private static LeafSpec.Builder leaf(TlsFault fault) {
        return LeafSpec.forHosts(fault.hostName());
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    /** A second root, not the deployment's, and its issuing CA, both answered for by the revocation server. */
    private CertificateAuthority untrustedIssuing() {
        if (untrustedIssuing == null) {
            CertificateAuthority root = CertificateAuthority.createRoot("smokegate Untrusted Root CA",
                    revocation.endpointsFor(UNTRUSTED_ROOT_ID));
            revocation.publish(UNTRUSTED_ROOT_ID, root);
            untrustedIssuing = root.issueIntermediate("smokegate Untrusted Issuing CA",
                    revocation.endpointsFor(UNTRUSTED_ISSUING_ID));
            revocation.publish(UNTRUSTED_ISSUING_ID, untrustedIssuing);
        }
        return untrustedIssuing;
    }

    /** An issuing CA that the deployment's root signed with SHA1withECDSA. */
    private CertificateAuthority sha1Issuing() {
        if (sha1Issuing == null) {
            sha1Issuing = pki.root().issueIntermediate("smokegate Reference SHA-1 Issuing CA",
                    revocation.endpointsFor(SHA1_ISSUING_ID), "SHA1");
            revocation.publish(SHA1_ISSUING_ID, sha1Issuing);
        }
        return sha1Issuing;
    }

    /** RFC 2409 group 2, written once per deployment rather than generated (which takes a second or more). */
    private Path dhParameters() throws IOException {
        if (dhParameters == null) {
            Path file = directory().resolve("dh1024.pem");
            Pem.writeDhParameters(file, DhGroups.RFC_2409_GROUP_2_PRIME, DhGroups.GENERATOR_2);
            dhParameters = file;
        }
        return dhParameters;
    }

    private Path directory() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }
}
