package dev.smokegate.reference.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The OCSP responder of one CA (RFC 6960): answers GOOD, REVOKED or UNKNOWN per serial from what the CA issued and
 * revoked, signed by the CA itself (responder id by name, no delegated responder certificate), echoing a request
 * nonce. Responses are valid for {@link #VALIDITY}, like a public CA's.
 */
public final class OcspResponder {

    /** From thisUpdate to nextUpdate. */
    public static final Duration VALIDITY = Duration.ofDays(4);
    /** thisUpdate lies this far back, so a verifier whose clock is slightly behind accepts the response. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final CertificateAuthority ca;
    private final X509CertificateHolder caCertificate;
    private final DigestCalculatorProvider digests;

    public OcspResponder(CertificateAuthority ca) {
        this.ca = ca;
        try {
            this.caCertificate = new JcaX509CertificateHolder(ca.certificate());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalStateException("cannot set up the OCSP responder", e);
        }
    }

    /**
     * Answers a DER OCSPRequest with a DER OCSPResponse: {@code malformedRequest} if it does not parse, else a signed
     * response with one single response per requested certificate. A certificate ID naming another issuer is
     * UNKNOWN (RFC 6960 4.2.1), as is a serial this CA never issued.
     */
    public byte[] respond(byte[] request) {
        OCSPReq parsed;
        try {
            parsed = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return failure(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] requested = parsed.getRequestList();
        if (requested.length == 0) {
            return failure(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        BasicOCSPRespBuilder builder = newBuilder();
        for (Req single : requested) {
            addResponse(builder, single.getCertID());
        }
        Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        return sign(builder);
    }

    /** A signed response about {@code certificate} alone, as a server staples it (SHA-1 certificate ID, no nonce). */
    public byte[] responseFor(X509Certificate certificate) {
        BasicOCSPRespBuilder builder = newBuilder();
        try {
            addResponse(builder, new CertificateID(digests.get(CertificateID.HASH_SHA1), caCertificate,
                    certificate.getSerialNumber()));
        } catch (OCSPException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build an OCSP certificate ID", e);
        }
        return sign(builder);
    }

    private BasicOCSPRespBuilder newBuilder() {
        return new BasicOCSPRespBuilder(new RespID(X500Name.getInstance(
                ca.certificate().getSubjectX500Principal().getEncoded())));
    }

    private void addResponse(BasicOCSPRespBuilder builder, CertificateID id) {
        Instant thisUpdate = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        Date nextUpdate = Date.from(thisUpdate.plus(VALIDITY));
        builder.addResponse(id, statusOf(id), Date.from(thisUpdate), nextUpdate, null);
    }

    private org.bouncycastle.cert.ocsp.CertificateStatus statusOf(CertificateID id) {
        boolean ours;
        try {
            ours = id.matchesIssuer(caCertificate, digests);
        } catch (OCSPException e) {
            ours = false; // a hash algorithm we cannot compute: not a certificate we can speak for
        }
        BigInteger serial = id.getSerialNumber();
        CertificateStatus status = ours ? ca.status(serial) : CertificateStatus.UNKNOWN;
        return switch (status.state()) {
            case GOOD -> org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(status.revokedAt().orElseThrow()), status.reason());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private byte[] sign(BasicOCSPRespBuilder builder) {
        try {
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder(ca.signatureAlgorithm("SHA256")).build(ca.signingKey()),
                    null, new Date());
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot sign an OCSP response", e);
        }
    }

    private static byte[] failure(int status) {
        try {
            OCSPResp response = new OCSPRespBuilder().build(status, null);
            return response.getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP error response", e);
        }
    }
}
