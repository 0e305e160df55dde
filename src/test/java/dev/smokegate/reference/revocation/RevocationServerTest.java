package dev.smokegate.reference.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.reference.pki.CaEndpoints;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RevocationServerTest {

    private static RevocationServer server;
    private static CertificateAuthority root;
    private static CertificateAuthority issuing;
    private static IssuedCertificate good;
    private static IssuedCertificate revoked;
    private static Instant revokedAt;

    @BeforeAll
    static void start() throws Exception {
        server = RevocationServer.start();
        root = CertificateAuthority.createRoot("Test Root", server.endpointsFor("root"));
        server.publish("root", root);
        issuing = root.issueIntermediate("Test Issuing CA", server.endpointsFor("issuing"));
        server.publish("issuing", issuing);
        good = issuing.issue(LeafSpec.forHosts("good.example.test").build());
        revoked = issuing.issue(LeafSpec.forHosts("revoked.example.test").build());
        revokedAt = Instant.now().minusSeconds(3600);
        issuing.revoke(revoked.certificate(), revokedAt, CRLReason.keyCompromise);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void endpointsAreLoopbackUrlsNamingTheCa() {
        CaEndpoints endpoints = server.endpointsFor("issuing");

        String base = "http://127.0.0.1:" + server.port();
        assertThat(endpoints.ocsp()).hasToString(base + "/ocsp/issuing");
        assertThat(endpoints.crl()).hasToString(base + "/crl/issuing.crl");
        assertThat(endpoints.caIssuers()).hasToString(base + "/ca/issuing.cer");
        assertThatThrownBy(() -> server.endpointsFor("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.publish("root", root)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ocspPostAnswersGoodAndRevokedSignedByTheIssuerEchoingTheNonce() throws Exception {
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        URI responder = issuing.endpoints().orElseThrow().ocsp();

        OCSPResp goodAnswer = OcspQuery.post(responder, request(good, nonce));
        OCSPResp revokedAnswer = OcspQuery.post(responder, request(revoked, nonce));

        assertThat(goodAnswer.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        assertThat(OcspQuery.singleStatus(goodAnswer, issuing.certificate())).isEqualTo(CertificateStatus.GOOD);
        Object status = OcspQuery.singleStatus(revokedAnswer, issuing.certificate());
        assertThat(status).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) status).getRevocationReason()).isEqualTo(CRLReason.keyCompromise);
        assertThat(((RevokedStatus) status).getRevocationTime().toInstant().getEpochSecond())
                .isEqualTo(revokedAt.getEpochSecond());
        BasicOCSPResp basic = (BasicOCSPResp) goodAnswer.getResponseObject();
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .endsWith(nonce);
        assertThat(basic.getResponses()[0].getNextUpdate()).isAfter(new java.util.Date());
    }

    @Test
    void ocspGetAnswersLikePost() throws Exception {
        OCSPResp answer = OcspQuery.get(issuing.endpoints().orElseThrow().ocsp(), request(revoked, new byte[16]));

        assertThat(OcspQuery.singleStatus(answer, issuing.certificate())).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void ocspAnswersUnknownForAForeignSerialOrIssuer() throws Exception {
        URI responder = issuing.endpoints().orElseThrow().ocsp();
        OCSPReq strangeSerial = OcspQuery.request(issuing.certificate(), BigInteger.valueOf(42), new byte[8]);
        // Asking the issuing CA's responder about the intermediate (issued by the root): the issuer hashes differ.
        OCSPReq otherIssuer = OcspQuery.request(root.certificate(), good.certificate().getSerialNumber(), new byte[8]);

        assertThat(OcspQuery.singleStatus(OcspQuery.post(responder, strangeSerial), issuing.certificate()))
                .isInstanceOf(UnknownStatus.class);
        assertThat(OcspQuery.singleStatus(OcspQuery.post(responder, otherIssuer), issuing.certificate()))
                .isInstanceOf(UnknownStatus.class);
    }

    @Test
    void rootResponderAnswersForTheIntermediate() throws Exception {
        OCSPResp answer = OcspQuery.post(root.endpoints().orElseThrow().ocsp(),
                OcspQuery.request(root.certificate(), issuing.certificate().getSerialNumber(), new byte[8]));

        assertThat(OcspQuery.singleStatus(answer, root.certificate())).isEqualTo(CertificateStatus.GOOD);
    }

    @Test
    void malformedOcspRequestGetsMalformedRequestAndUnknownPathsGet404() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> garbage = http.send(HttpRequest.newBuilder(issuing.endpoints().orElseThrow().ocsp())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x30, 0x03, 1, 2, 3})).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        for (String path : List.of("/ocsp/nobody", "/crl/nobody.crl", "/ca/nobody.cer", "/", "/crl/issuing")) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void crlListsExactlyTheRevokedSerialsSignedByTheCaWithIncreasingNumbers() throws Exception {
        URI url = issuing.endpoints().orElseThrow().crl();
        X509CRL first = OcspQuery.crl(url);
        X509CRL second = OcspQuery.crl(url);

        first.verify(issuing.certificate().getPublicKey());
        assertThat(first.getIssuerX500Principal()).isEqualTo(issuing.certificate().getSubjectX500Principal());
        assertThat(first.getRevokedCertificates()).hasSize(1);
        assertThat(first.isRevoked(revoked.certificate())).isTrue();
        assertThat(first.isRevoked(good.certificate())).isFalse();
        assertThat(first.getNextUpdate()).isAfter(new java.util.Date());
        assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
        assertThat(OcspQuery.crl(root.endpoints().orElseThrow().crl()).getRevokedCertificates()).isNull();
    }

    @Test
    void caIssuersUrlServesTheCaCertificate() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(issuing.endpoints().orElseThrow().caIssuers()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(issuing.certificate().getEncoded());
    }

    @Test
    void jdkRevocationCheckerFollowsTheAiaToGoodAndRevoked() throws Exception {
        validateWithOcsp(good.chain());
        int before = server.ocspRequests();

        assertThatThrownBy(() -> validateWithOcsp(revoked.chain()))
                .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                        assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        assertThat(server.ocspRequests()).isGreaterThan(before);
    }

    private static void validateWithOcsp(List<X509Certificate> chain) throws Exception {
        validate(chain, root.certificate());
    }

    /** OCSP only (CRL fallback would need com.sun.security.enableCRLDP, a JVM-wide switch), no soft fail. */
    private static void validate(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.addCertPathChecker(checker);
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
    }

    private static OCSPReq request(IssuedCertificate leaf, byte[] nonce) throws Exception {
        return OcspQuery.request(issuing.certificate(), leaf.certificate().getSerialNumber(), nonce);
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] extension = crl.getExtensionValue("2.5.29.20");
        byte[] octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets();
        return org.bouncycastle.asn1.ASN1Integer.getInstance(octets).getValue();
    }
}
