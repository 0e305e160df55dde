package dev.smokegate.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.OpensslClient.Handshake;
import dev.smokegate.reference.revocation.OcspQuery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment's TLS hosts, seen by an independent client ({@code openssl s_client}): the healthy hosts staple a
 * GOOD response and offer only modern TLS; each fault host is broken in its one way and healthy in every other.
 * One deployment for the class; fault hosts start as the tests ask for them.
 */
@ExternalProcesses
class TlsFaultHostsTest {

    /** Lets s_client speak TLS 1.0/1.1, NULL and DH-1024 and accept SHA-1 signatures: it offers, the server decides. */
    private static final String ANYTHING = "ALL:eNULL:@SECLEVEL=0";
    private static final Duration SIXTY_DAYS = Duration.ofDays(60);
    /** nginx's own client_header_timeout: how long a host without the deployment's shorter one keeps silent clients. */
    private static final Duration NGINX_DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(60);

    private static ReferenceDeployment deployment;
    private static OpensslClient openssl;

    @BeforeAll
    static void startDeployment() throws IOException {
        deployment = ReferenceDeployment.start();
        openssl = new OpensslClient(deployment.caCertificateFile());
    }

    @AfterAll
    static void closeDeployment() {
        if (deployment != null) {
            deployment.close();
        }
    }

    // ---- the healthy hosts

    @ParameterizedTest
    @ValueSource(strings = {ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW})
    void healthyHostsStapleAGoodResponseFromTheIssuingCaOnTls12And13(String host) throws IOException {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            Handshake handshake = healthy(host, version);

            assertThat(handshake.established()).as(version + "\n" + handshake).isTrue();
            assertThat(handshake.verifyCode()).as(handshake.toString()).isZero();
            assertThat(handshake.stapledStatus()).as(version).contains("good");
            assertThat(handshake.stapleResponder()).get().asString().contains("smokegate Reference Issuing CA");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW})
    void healthyHostsOfferOnlyTls12And13WithForwardSecretAeadSuites(String host) throws IOException {
        Handshake tls12 = healthy(host, "-tls1_2");

        assertThat(tls12.cipher()).startsWith("ECDHE-ECDSA-").contains("GCM");
        assertThat(tls12.secureRenegotiation()).isTrue();
        assertThat(healthy(host, "-tls1_3").protocol()).isEqualTo("TLSv1.3");
        for (String[] refused : List.of(new String[] {"-tls1", "-cipher", ANYTHING},
                new String[] {"-tls1_1", "-cipher", ANYTHING},
                new String[] {"-tls1_2", "-cipher", "kRSA:DHE:eNULL:aNULL:@SECLEVEL=0"},
                new String[] {"-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:@SECLEVEL=0"})) {
            assertThat(healthy(host, refused).established()).as(String.join(" ", refused)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ReferenceHosts.FRONTEND, ReferenceHosts.BACKEND, ReferenceHosts.WWW})
    void healthyLeavesAreEcP256Sha256For90DaysAndNameTheResponderAndCrl(String host) throws Exception {
        List<X509Certificate> chain = healthy(host, "-tls1_3").chain();
        X509Certificate leaf = chain.get(0);
        String base = "http://127.0.0.1:" + deployment.revocation().port();

        assertThat(chain).hasSize(2);
        assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(Instant.now(), leaf.getNotAfter().toInstant())).isBetween(
                Duration.ofDays(89), Duration.ofDays(90));
        assertThat(ocspUrl(leaf)).hasToString(base + "/ocsp/issuing");
        assertThat(crlUrl(leaf)).hasToString(base + "/crl/issuing.crl");
        assertThat(OcspQuery.crl(crlUrl(leaf)).isRevoked(leaf)).isFalse();
    }

    // ---- lazy start and connect-to

    @Test
    void faultHostsStartOnceAndAppearInConnectToAfterTheDeploymentsOwnHosts() {
        String host = deployment.tlsFaultHost(TlsFault.EXPIRES_IN_20_DAYS);
        int port = deployment.tlsFaultPort(TlsFault.EXPIRES_IN_20_DAYS);

        assertThat(host).isEqualTo("expires-in-20-days.tls.smokegate.test");
        assertThat(deployment.tlsFaultHost(TlsFault.EXPIRES_IN_20_DAYS)).isEqualTo(host);
        assertThat(deployment.tlsFaultPort(TlsFault.EXPIRES_IN_20_DAYS)).as("started once").isEqualTo(port);
        List<String> mappings = deployment.connectTo();
        int ownHosts = 2 * ReferenceHosts.ALL.size();
        assertThat(mappings.subList(0, ownHosts)).allMatch(mapping -> mapping.contains("smokegate.test:")
                && !mapping.contains(TlsFault.DOMAIN));
        assertThat(mappings.subList(ownHosts, mappings.size())).contains(host + ":443 -> 127.0.0.1:" + port)
                .allMatch(mapping -> mapping.contains("." + TlsFault.DOMAIN + ":443 -> 127.0.0.1:"));
    }

    @Test
    void everyFaultHostHasItsOwnNameUnderTheTlsDomain() {
        Set<String> names = new java.util.HashSet<>();
        for (TlsFault fault : TlsFault.values()) {
            assertThat(fault.hostName()).endsWith("." + TlsFault.DOMAIN).matches("[a-z0-9.-]+");
            names.add(fault.hostName());
        }
        assertThat(names).hasSize(TlsFault.values().length);
    }

    // ---- healthy in every way but one

    /** Every property of a healthy host, checked on every fault host except the one its fault breaks. */
    @ParameterizedTest
    @EnumSource(TlsFault.class)
    void faultHostIsHealthyInEveryOtherWay(TlsFault fault) throws Exception {
        Handshake tls13 = connect(fault, "-tls1_3");
        Handshake tls12 = connect(fault, "-tls1_2");
        X509Certificate leaf = tls12.chain().get(0);

        assertThat(tls12.established()).as(tls12.toString()).isTrue();
        assertThat(tls12.secureRenegotiation()).as("RFC 5746").isTrue();
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + fault.hostName());
        if (fault != TlsFault.NO_TLS_1_3) {
            assertThat(tls13.protocol()).as(tls13.toString()).isEqualTo("TLSv1.3");
        }
        if (fault != TlsFault.LEGACY_TLS_ENABLED) {
            assertThat(connect(fault, "-tls1", "-cipher", ANYTHING).established()).as("TLS 1.0").isFalse();
            assertThat(connect(fault, "-tls1_1", "-cipher", ANYTHING).established()).as("TLS 1.1").isFalse();
        }
        if (fault != TlsFault.STATIC_RSA_ONLY && fault != TlsFault.DHE_1024) {
            assertThat(tls12.cipher()).startsWith("ECDHE-");
            assertThat(connect(fault, "-tls1_2", "-cipher", "kRSA:DHE:@SECLEVEL=0").established())
                    .as("static RSA or DHE").isFalse();
        }
        if (fault != TlsFault.NULL_CIPHER) {
            assertThat(connect(fault, "-tls1_2", "-cipher", "eNULL:aNULL:@SECLEVEL=0").established())
                    .as("NULL").isFalse();
        }
        if (!EnumSet.of(TlsFault.SELF_SIGNED, TlsFault.NO_OCSP_STAPLE, TlsFault.REVOKED_LEAF).contains(fault)) {
            assertThat(tls12.stapledStatus()).as("staple on TLS 1.2").contains("good");
            if (fault != TlsFault.NO_TLS_1_3) {
                assertThat(tls13.stapledStatus()).as("staple on TLS 1.3").contains("good");
            }
        }
        if (!EnumSet.of(TlsFault.EXPIRED_LEAF, TlsFault.EXPIRES_IN_20_DAYS, TlsFault.EXPIRES_IN_10_DAYS)
                .contains(fault)) {
            assertThat(Duration.between(Instant.now(), leaf.getNotAfter().toInstant())).isGreaterThan(SIXTY_DAYS);
        }
        if (!EnumSet.of(TlsFault.SHA1_LEAF, TlsFault.RSA_1024_LEAF, TlsFault.STATIC_RSA_ONLY, TlsFault.DHE_1024)
                .contains(fault)) {
            assertThat(leaf.getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withECDSA");
        }
        if (!EnumSet.of(TlsFault.EXPIRED_LEAF, TlsFault.NOT_YET_VALID_LEAF, TlsFault.WRONG_HOST_NAME,
                TlsFault.SELF_SIGNED, TlsFault.UNTRUSTED_ROOT, TlsFault.MISSING_INTERMEDIATE).contains(fault)) {
            assertThat(connect(fault, "-tls1_2", "-cipher", "DEFAULT:@SECLEVEL=0").verifyCode())
                    .as("chain to the deployment root, for the name").isZero();
        }
        if (fault != TlsFault.SELF_SIGNED) {
            assertThat(ocspUrl(leaf).getHost()).isEqualTo("127.0.0.1");
            assertThat(crlUrl(leaf).getHost()).isEqualTo("127.0.0.1");
        }
    }

    // ---- each fault

    @Test
    void expiredLeaf() throws IOException {
        Handshake handshake = connect(TlsFault.EXPIRED_LEAF, "-tls1_3");
        X509Certificate leaf = handshake.chain().get(0);

        assertThat(leaf.getNotAfter().toInstant()).isBefore(Instant.now());
        assertThat(handshake.chain()).hasSize(2);
        assertThat(handshake.verifyCode()).as("X509_V_ERR_CERT_HAS_EXPIRED").isEqualTo(10);
    }

    @Test
    void notYetValidLeaf() throws IOException {
        Handshake handshake = connect(TlsFault.NOT_YET_VALID_LEAF, "-tls1_3");
        X509Certificate leaf = handshake.chain().get(0);

        assertThat(leaf.getNotBefore().toInstant()).isAfter(Instant.now());
        assertThat(Duration.between(Instant.now(), leaf.getNotAfter().toInstant())).isGreaterThan(SIXTY_DAYS);
        assertThat(handshake.verifyCode()).as("X509_V_ERR_CERT_NOT_YET_VALID").isEqualTo(9);
    }

    @Test
    void wrongHostNameHasTheRightCnButOnlyAnotherSan() throws Exception {
        Handshake handshake = connect(TlsFault.WRONG_HOST_NAME, "-tls1_3");
        X509Certificate leaf = handshake.chain().get(0);

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=" + TlsFault.WRONG_HOST_NAME.hostName());
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(2, TlsFaultHosts.OTHER_HOST));
        assertThat(handshake.verifyCode()).as("X509_V_ERR_HOSTNAME_MISMATCH").isEqualTo(62);
    }

    @Test
    void selfSignedLeafIsSentAloneWithoutStapleOrRevocationPointers() throws Exception {
        Handshake handshake = connect(TlsFault.SELF_SIGNED, "-tls1_3");
        X509Certificate leaf = handshake.chain().get(0);

        assertThat(handshake.chain()).hasSize(1);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(leaf.getSubjectX500Principal());
        leaf.verify(leaf.getPublicKey());
        assertThat(leaf.getExtensionValue(Extension.authorityInfoAccess.getId())).isNull();
        assertThat(leaf.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNull();
        assertThat(handshake.stapledStatus()).isEmpty();
        assertThat(handshake.verifyCode()).as("X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT").isEqualTo(18);
    }

    @Test
    void untrustedRootSendsAFullChainFromAnotherRootWithAGoodStaple() throws IOException {
        Handshake handshake = connect(TlsFault.UNTRUSTED_ROOT, "-tls1_3");
        List<X509Certificate> chain = handshake.chain();

        assertThat(chain).hasSize(2);
        assertThat(chain.get(1).getSubjectX500Principal().getName()).contains("smokegate Untrusted Issuing CA");
        assertThat(chain.get(1).getIssuerX500Principal().getName()).contains("smokegate Untrusted Root CA");
        assertThat(chain.get(1).getIssuerX500Principal())
                .isNotEqualTo(deployment.rootCertificate().getSubjectX500Principal());
        assertThat(handshake.stapleResponder()).get().asString().contains("smokegate Untrusted Issuing CA");
        assertThat(handshake.verifyCode()).as("X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY").isEqualTo(20);
    }

    @Test
    void missingIntermediateSendsTheLeafAloneStillStapled() throws IOException {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            Handshake handshake = connect(TlsFault.MISSING_INTERMEDIATE, version);

            assertThat(handshake.chain()).hasSize(1);
            assertThat(handshake.chain().get(0).getIssuerX500Principal().getName())
                    .contains("smokegate Reference Issuing CA");
            assertThat(handshake.stapledStatus()).contains("good");
            assertThat(handshake.verifyCode()).as("X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE").isEqualTo(21);
        }
    }

    @Test
    void wrongOrderSendsLeafThenRootThenIntermediate() throws IOException {
        List<X509Certificate> chain = connect(TlsFault.WRONG_ORDER_WITH_ROOT, "-tls1_3").chain();

        assertThat(chain).hasSize(3);
        assertThat(chain.get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=" + TlsFault.WRONG_ORDER_WITH_ROOT.hostName());
        assertThat(chain.get(1)).isEqualTo(deployment.rootCertificate());
        assertThat(chain.get(2).getSubjectX500Principal()).isEqualTo(chain.get(0).getIssuerX500Principal());
    }

    @Test
    void sha1LeafIsSignedWithSha1ByTheHealthyIntermediate() throws IOException {
        List<X509Certificate> chain = connect(TlsFault.SHA1_LEAF, "-tls1_3").chain();

        assertThat(chain.get(0).getSigAlgName()).isEqualTo("SHA1withECDSA");
        assertThat(chain.get(1).getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void sha1IntermediateIsSignedWithSha1ByTheDeploymentRoot() throws IOException {
        List<X509Certificate> chain = connect(TlsFault.SHA1_INTERMEDIATE, "-tls1_3").chain();

        assertThat(chain.get(0).getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(chain.get(1).getSigAlgName()).isEqualTo("SHA1withECDSA");
        assertThat(chain.get(1).getIssuerX500Principal())
                .isEqualTo(deployment.rootCertificate().getSubjectX500Principal());
    }

    @Test
    void rsa1024LeafUsesEcdheRsaOnTls12() throws IOException {
        Handshake handshake = connect(TlsFault.RSA_1024_LEAF, "-tls1_2");
        X509Certificate leaf = handshake.chain().get(0);

        assertThat(((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(handshake.cipher()).startsWith("ECDHE-RSA-");
    }

    @Test
    void legacyTlsHostAcceptsTls10And11StillStapled() throws IOException {
        for (String[] legacy : List.of(new String[] {"-tls1", "TLSv1"}, new String[] {"-tls1_1", "TLSv1.1"})) {
            Handshake handshake = connect(TlsFault.LEGACY_TLS_ENABLED, legacy[0], "-cipher", ANYTHING);

            assertThat(handshake.protocol()).as(handshake.toString()).isEqualTo(legacy[1]);
            assertThat(handshake.cipher()).startsWith("ECDHE-ECDSA-");
            assertThat(handshake.stapledStatus()).contains("good");
        }
    }

    @Test
    void noTls13HostRefusesTls13() throws IOException {
        assertThat(connect(TlsFault.NO_TLS_1_3, "-tls1_3").established()).isFalse();
        assertThat(connect(TlsFault.NO_TLS_1_3, "-tls1_2").cipher()).startsWith("ECDHE-ECDSA-");
    }

    @Test
    void nullCipherHostAcceptsEcdheNullShaOnlyWhenOfferedAlone() throws IOException {
        Handshake onlyNull = connect(TlsFault.NULL_CIPHER, "-tls1_2", "-cipher", "ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0");
        Handshake anything = connect(TlsFault.NULL_CIPHER, "-tls1_2", "-cipher", ANYTHING);

        assertThat(onlyNull.protocol()).isEqualTo("TLSv1.2");
        assertThat(onlyNull.cipher()).isEqualTo("ECDHE-ECDSA-NULL-SHA");
        assertThat(anything.cipher()).as("server prefers encryption").startsWith("ECDHE-ECDSA-AES");
    }

    @Test
    void staticRsaHostOffersOnlyRsaKeyExchangeOnTls12() throws IOException {
        Handshake tls12 = connect(TlsFault.STATIC_RSA_ONLY, "-tls1_2");

        assertThat(tls12.cipher()).matches("AES(128|256)-GCM-SHA(256|384)");
        assertThat(tls12.serverTempKey()).as("no ephemeral key").isEmpty();
        assertThat(((RSAPublicKey) tls12.chain().get(0).getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(connect(TlsFault.STATIC_RSA_ONLY, "-tls1_2", "-cipher", "ECDHE:DHE").established()).isFalse();
    }

    @Test
    void dhe1024HostUsesTheRfc2409Group2ForDhe() throws IOException {
        Handshake dhe = connect(TlsFault.DHE_1024, "-tls1_2", "-cipher", "DHE:@SECLEVEL=0");
        Handshake preferred = connect(TlsFault.DHE_1024, "-tls1_2");

        assertThat(dhe.cipher()).startsWith("DHE-RSA-");
        assertThat(dhe.serverTempKey()).contains("DH, 1024 bits");
        assertThat(dhe.stapledStatus()).contains("good");
        assertThat(preferred.cipher()).as("ECDHE first when offered").startsWith("ECDHE-RSA-");
        assertThat(((RSAPublicKey) dhe.chain().get(0).getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void revokedLeafStaplesRevokedAndIsOnTheCrlAndAtTheResponder() throws Exception {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            assertThat(connect(TlsFault.REVOKED_LEAF, version).stapledStatus()).as(version).contains("revoked");
        }
        List<X509Certificate> chain = connect(TlsFault.REVOKED_LEAF, "-tls1_3").chain();
        X509Certificate leaf = chain.get(0);
        X509CRL crl = OcspQuery.crl(crlUrl(leaf));

        assertThat(crl.isRevoked(leaf)).isTrue();
        crl.verify(chain.get(1).getPublicKey());
        Object status = OcspQuery.singleStatus(OcspQuery.post(ocspUrl(leaf),
                OcspQuery.request(chain.get(1), leaf.getSerialNumber(), new byte[8])), chain.get(1));
        assertThat(status).isInstanceOf(RevokedStatus.class);
    }

    @ParameterizedTest
    @EnumSource(value = TlsFault.class, names = {"EXPIRES_IN_20_DAYS", "EXPIRES_IN_10_DAYS"})
    void expiringLeavesHaveTheirDaysLeftPlusAnHour(TlsFault fault) throws IOException {
        X509Certificate leaf = connect(fault, "-tls1_3").chain().get(0);
        int days = fault == TlsFault.EXPIRES_IN_20_DAYS ? 20 : 10;

        assertThat(Duration.between(Instant.now(), leaf.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(days), Duration.ofDays(days).plusHours(1));
    }

    @Test
    void noOcspStapleHostStaplesNothingThoughItsResponderAnswersGood() throws Exception {
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            assertThat(connect(TlsFault.NO_OCSP_STAPLE, version).stapledStatus()).as(version).isEmpty();
        }
        List<X509Certificate> chain = connect(TlsFault.NO_OCSP_STAPLE, "-tls1_3").chain();
        Object status = OcspQuery.singleStatus(OcspQuery.post(ocspUrl(chain.get(0)),
                OcspQuery.request(chain.get(1), chain.get(0).getSerialNumber(), new byte[8])), chain.get(1));
        assertThat(status).isEqualTo(CertificateStatus.GOOD);
    }

    // ---- the nginx-served hosts as processes

    @Test
    void aSilentClientNeitherBlocksOthersNorStaysConnectedForever() throws Exception {
        String host = deployment.tlsFaultHost(TlsFault.NO_OCSP_STAPLE);
        int port = deployment.tlsFaultPort(TlsFault.NO_OCSP_STAPLE);
        try (Socket silent = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", port), 2000);

            assertThat(openssl.connect(host, port, "-tls1_3").established()).isTrue();
            // A server stuck on the silent client would serve the next one only once it dropped it, so the silent
            // connection must still be open now; a close would already be waiting, so a 1 ms read sees it.
            assertThat(closedByServerWithin(silent, Duration.ofMillis(1))).as("dropped before the other was served")
                    .isFalse();

            assertThat(closedByServerWithin(silent, NGINX_DEFAULT_CLIENT_TIMEOUT.dividedBy(2)))
                    .as("dropped well before nginx's default timeout, which a host without its own would keep")
                    .isTrue();
        }
    }

    @Test
    void nginxServesExactlyTheFaultsTheJdkCannot() {
        for (TlsFault fault : TlsFaultHosts.SERVED_BY_NGINX) {
            deployment.tlsFaultHost(fault);
            assertThat(deployment.tlsFaultNginx(fault)).as(fault.name()).get()
                    .satisfies(nginx -> assertThat(nginx.process()).isPresent());
        }
        deployment.tlsFaultHost(TlsFault.SHA1_LEAF);
        assertThat(deployment.tlsFaultNginx(TlsFault.SHA1_LEAF)).isEmpty();
    }

    @Test
    void faultHostKeysOnDiskAreReadableByTheirOwnerOnly() throws IOException {
        deployment.tlsFaultHost(TlsFault.LEGACY_TLS_ENABLED);
        List<Path> keys;
        try (Stream<Path> files = Files.walk(deployment.workDirectory().resolve("tls-faults"))) {
            keys = files.filter(Files::isRegularFile).filter(TlsFaultHostsTest::holdsPrivateKey).toList();
        }

        assertThat(keys).isNotEmpty();
        for (Path key : keys) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as(key.toString())
                    .isEqualTo("rw-------");
        }
    }

    /** Whether the server closed a connection that never sent a byte, waiting at most {@code wait} for it. */
    private static boolean closedByServerWithin(Socket silent, Duration wait) throws IOException {
        silent.setSoTimeout((int) wait.toMillis());
        try {
            return silent.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static Handshake healthy(String host, String... options) throws IOException {
        return openssl.connect(host, deployment.httpsPort(host), options);
    }

    private static Handshake connect(TlsFault fault, String... options) throws IOException {
        String host = deployment.tlsFaultHost(fault);
        return openssl.connect(host, deployment.tlsFaultPort(fault), options);
    }

    private static URI ocspUrl(X509Certificate certificate) throws IOException {
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils
                .parseExtensionValue(certificate.getExtensionValue(Extension.authorityInfoAccess.getId())));
        for (AccessDescription access : aia.getAccessDescriptions()) {
            if (access.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                return URI.create(access.getAccessLocation().getName().toString());
            }
        }
        throw new AssertionError("no OCSP URL in " + certificate.getSubjectX500Principal());
    }

    private static URI crlUrl(X509Certificate certificate) throws IOException {
        CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils
                .parseExtensionValue(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId())));
        GeneralName name = GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint()
                .getName()).getNames()[0];
        return URI.create(name.getName().toString());
    }

    private static boolean holdsPrivateKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
