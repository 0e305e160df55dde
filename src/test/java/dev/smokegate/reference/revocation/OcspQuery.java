package dev.smokegate.reference.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A test client for the revocation server: OCSP over POST or GET, CRL download. */
public final class OcspQuery {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OcspQuery() {
    }

    /** A request about {@code serial} as issued by {@code issuer} (SHA-1 certificate ID), with {@code nonce}. */
    public static OCSPReq request(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), serial);
        return new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new DEROctetString(nonce))))
                .build();
    }

    public static OCSPResp post(URI responder, OCSPReq request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(responder)
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return parse(response);
    }

    /** RFC 6960 A.1 GET: base64, then URL-encoded ('+', '/' and '=' escaped), appended to the responder URL. */
    public static OCSPResp get(URI responder, OCSPReq request) throws Exception {
        String encoded = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(request.getEncoded()),
                java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(responder + "/" + encoded))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return parse(response);
    }

    /** The single response's status, after checking the signature is {@code signer}'s. */
    public static Object singleStatus(OCSPResp response, X509Certificate signer) throws Exception {
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()))) {
            throw new AssertionError("OCSP response not signed by " + signer.getSubjectX500Principal());
        }
        return basic.getResponses()[0].getCertStatus();
    }

    public static X509CRL crl(URI url) throws IOException, InterruptedException, CRLException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("CRL download answered " + response.statusCode());
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new java.io.ByteArrayInputStream(response.body()));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OCSPResp parse(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("OCSP responder answered " + response.statusCode());
        }
        if (!response.headers().firstValue("Content-Type").orElse("").equals("application/ocsp-response")) {
            throw new IOException("not an OCSP response: " + response.headers().firstValue("Content-Type"));
        }
        return new OCSPResp(response.body());
    }
}
