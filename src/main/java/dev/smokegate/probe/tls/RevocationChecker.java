package dev.smokegate.probe.tls;

import dev.smokegate.probe.FailureText;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus.Source;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the leaf's revocation sources, in order: the stapled OCSP response; else the OCSP responders named in the
 * certificate's Authority Information Access; else its CRL distribution points. A response only counts as "good"
 * when its signature verifies (issuer or delegated responder) and it is current; "revoked" counts even from a stale
 * response. A source that exists but cannot be reached or understood gives {@code LOOKUP_FAILED} with the reason —
 * never a pass.
 */
final class RevocationChecker {

    /** Clock skew tolerated on an OCSP response's thisUpdate. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int MAX_OCSP_BYTES = 1 << 20;
    private static final int MAX_CRL_BYTES = 32 << 20;
    private static final int MAX_URLS = 2;

    /** One source's answer: conclusive answers end the search, others are kept as notes. */
    private record Verdict(Status status, boolean conclusive, String detail) {

        static Verdict failed(String detail) {
            return new Verdict(Status.LOOKUP_FAILED, false, detail);
        }
    }

    private final PlainHttp http;
    private final Instant now;
    /** No new lookup starts after this; each one is bounded by the connect and read timeouts anyway. */
    private final Instant deadline;

    RevocationChecker(EnvironmentConfig config, Instant now) {
        this.http = new PlainHttp(config);
        this.now = now;
        this.deadline = Instant.now().plus(config.timeouts().connect()).plus(config.timeouts().read().multipliedBy(2));
    }

    private boolean outOfTime() {
        return Instant.now().isAfter(deadline);
    }

    RevocationStatus check(X509Certificate leaf, Optional<X509Certificate> issuer, Optional<byte[]> staple) {
        List<String> notes = new ArrayList<>();
        Verdict unknown = null;
        Source unknownSource = null;
        if (staple.isPresent()) {
            Verdict verdict = evaluateOcsp(staple.get(), leaf, issuer, "stapled OCSP response");
            if (verdict.conclusive()) {
                return new RevocationStatus(Source.STAPLE, verdict.status(), verdict.detail());
            }
            if (verdict.status() == Status.UNKNOWN) {
                unknown = verdict;
                unknownSource = Source.STAPLE;
            }
            notes.add(verdict.detail());
        }
        List<URI> ocspUrls = ocspUrls(leaf);
        List<URI> crlUrls = crlUrls(leaf);
        if (ocspUrls.isEmpty() && crlUrls.isEmpty()) {
            if (staple.isEmpty()) {
                return new RevocationStatus(Source.NONE, Status.NO_SOURCE,
                        "the certificate names no OCSP responder or CRL distribution point and no OCSP response"
                                + " was stapled");
            }
            return conclude(Source.STAPLE, unknown, unknownSource,
                    join(notes) + "; the certificate names no OCSP responder or CRL to fall back on");
        }
        for (URI url : ocspUrls.subList(0, Math.min(MAX_URLS, ocspUrls.size()))) {
            if (outOfTime()) {
                notes.add("OCSP responder " + url + " not asked: the revocation lookups ran out of time");
                continue;
            }
            Verdict verdict = queryOcsp(url, leaf, issuer);
            if (verdict.conclusive()) {
                return new RevocationStatus(Source.OCSP, verdict.status(), withNotes(verdict.detail(), notes));
            }
            if (verdict.status() == Status.UNKNOWN && unknown == null) {
                unknown = verdict;
                unknownSource = Source.OCSP;
            }
            notes.add(verdict.detail());
        }
        for (URI url : crlUrls.subList(0, Math.min(MAX_URLS, crlUrls.size()))) {
            if (outOfTime()) {
                notes.add("CRL " + url + " not fetched: the revocation lookups ran out of time");
                continue;
            }
            Verdict verdict = checkCrl(url, leaf, issuer);
            if (verdict.conclusive()) {
                return new RevocationStatus(Source.CRL, verdict.status(), withNotes(verdict.detail(), notes));
            }
            notes.add(verdict.detail());
        }
        Source first = staple.isPresent() ? Source.STAPLE : !ocspUrls.isEmpty() ? Source.OCSP : Source.CRL;
        return conclude(first, unknown, unknownSource, join(notes));
    }

    private static RevocationStatus conclude(Source first, Verdict unknown, Source unknownSource, String detail) {
        if (unknown != null) {
            return new RevocationStatus(unknownSource, Status.UNKNOWN, detail);
        }
        return new RevocationStatus(first, Status.LOOKUP_FAILED, detail);
    }

    // --- OCSP ---------------------------------------------------------------------------------------------------

    private Verdict queryOcsp(URI url, X509Certificate leaf, Optional<X509Certificate> issuer) {
        String label = "OCSP responder " + url;
        if (issuer.isEmpty()) {
            return Verdict.failed(label + " not asked: the issuing CA certificate was not sent, and an OCSP request"
                    + " must name it");
        }
        byte[] request;
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CertificateID id = new JcaCertificateID(digests.get(CertificateID.HASH_SHA1), issuer.get(),
                    leaf.getSerialNumber());
            request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (Exception e) {
            return Verdict.failed(label + ": cannot build the OCSP request: " + FailureText.of(e));
        }
        PlainHttp.Response response;
        try {
            response = http.post(url, request, "application/ocsp-request", MAX_OCSP_BYTES);
        } catch (IOException e) {
            return Verdict.failed(label + ": " + PlainHttp.describe(e));
        }
        if (response.status() != 200) {
            return Verdict.failed(label + " answered HTTP " + response.status());
        }
        return evaluateOcsp(response.body(), leaf, issuer, label);
    }

    private Verdict evaluateOcsp(byte[] der, X509Certificate leaf, Optional<X509Certificate> issuer, String label) {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return Verdict.failed(label + ": responder status " + responderStatus(response.getStatus()));
            }
            Object body = response.getResponseObject();
            if (!(body instanceof BasicOCSPResp b)) {
                return Verdict.failed(label + ": not a basic OCSP response");
            }
            basic = b;
        } catch (Exception e) {
            return Verdict.failed(label + " cannot be parsed: " + FailureText.of(e));
        }
        SingleResp single;
        try {
            single = find(basic, leaf, issuer);
        } catch (Exception e) {
            return Verdict.failed(label + ": cannot match it to the certificate: " + FailureText.of(e));
        }
        if (single == null) {
            return Verdict.failed(label + " does not cover this certificate (serial "
                    + leaf.getSerialNumber().toString(16) + ")");
        }
        Optional<String> signer = issuer.flatMap(i -> signer(basic, i));
        String unverified = issuer.isEmpty()
                ? "its signature could not be checked: the issuing CA certificate was not sent"
                : signer.isEmpty() ? "its signature does not verify against the issuing CA or a responder it"
                        + " authorised" : null;
        Date thisUpdate = single.getThisUpdate();
        Date nextUpdate = single.getNextUpdate();
        String stale = null;
        if (thisUpdate != null && thisUpdate.toInstant().isAfter(now.plus(SKEW))) {
            stale = "it is not valid until " + thisUpdate.toInstant();
        } else if (nextUpdate != null && nextUpdate.toInstant().isBefore(now)) {
            stale = "it expired on " + nextUpdate.toInstant();
        }
        String signedBy = signer.map(s -> ", signed by " + s).orElse("");
        Object status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            if (unverified != null) {
                return Verdict.failed(label + " says good, but " + unverified);
            }
            if (stale != null) {
                return Verdict.failed(label + " says good, but " + stale);
            }
            return new Verdict(Status.GOOD, true, label + ": good (this update " + instant(thisUpdate)
                    + (nextUpdate != null ? ", next update " + instant(nextUpdate) : "") + ")" + signedBy);
        }
        if (status instanceof RevokedStatus revoked) {
            String reason = revoked.hasRevocationReason() ? ", reason " + reasonName(revoked.getRevocationReason())
                    : "";
            String caveat = unverified != null ? " (" + unverified + ")" : stale != null ? " (" + stale + ")" : "";
            return new Verdict(Status.REVOKED, true, label + ": REVOKED on " + instant(revoked.getRevocationTime())
                    + reason + signedBy + caveat);
        }
        if (status instanceof UnknownStatus) {
            return new Verdict(Status.UNKNOWN, false, label + ": the responder does not know this certificate"
                    + (unverified != null ? " (" + unverified + ")" : ""));
        }
        return Verdict.failed(label + ": unrecognised certificate status");
    }

    private static SingleResp find(BasicOCSPResp basic, X509Certificate leaf, Optional<X509Certificate> issuer)
            throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuerHolder = issuer.isPresent() ? new JcaX509CertificateHolder(issuer.get()) : null;
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            if (!id.getSerialNumber().equals(leaf.getSerialNumber())) {
                continue;
            }
            if (issuerHolder == null || id.matchesIssuer(issuerHolder, digests)) {
                return single;
            }
        }
        return null;
    }

    /** Who signed the response, if the issuer or a responder certificate the issuer authorised did. */
    private static Optional<String> signer(BasicOCSPResp basic, X509Certificate issuer) {
        try {
            if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return Optional.of("the issuing CA");
            }
        } catch (Exception e) {
            // not signed by the issuer's key; try delegated responders below
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            try {
                boolean issuedByCa = responder.isSignatureValid(
                        new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()));
                ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
                boolean ocspSigning = usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
                boolean current = responder.isValidOn(Date.from(Instant.now()));
                if (issuedByCa && ocspSigning && current
                        && basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
                    return Optional.of("delegated responder '" + responder.getSubject() + "'");
                }
            } catch (Exception e) {
                // this certificate cannot vouch for the response
            }
        }
        return Optional.empty();
    }

    // --- CRL ----------------------------------------------------------------------------------------------------

    private Verdict checkCrl(URI url, X509Certificate leaf, Optional<X509Certificate> issuer) {
        String label = "CRL " + url;
        PlainHttp.Response response;
        try {
            response = http.get(url, MAX_CRL_BYTES);
        } catch (IOException e) {
            return Verdict.failed(label + ": " + PlainHttp.describe(e));
        }
        if (response.status() != 200) {
            return Verdict.failed(label + " answered HTTP " + response.status());
        }
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
        } catch (GeneralSecurityException e) {
            return Verdict.failed(label + " cannot be parsed: " + FailureText.of(e));
        }
        if (!crl.getIssuerX500Principal().equals(leaf.getIssuerX500Principal())) {
            return Verdict.failed(label + " is issued by " + crl.getIssuerX500Principal().getName()
                    + ", not by the certificate's issuer");
        }
        String unverified = null;
        if (issuer.isEmpty()) {
            unverified = "its signature could not be checked: the issuing CA certificate was not sent";
        } else {
            try {
                crl.verify(issuer.get().getPublicKey());
            } catch (GeneralSecurityException e) {
                unverified = "its signature does not verify against the issuing CA";
            }
        }
        String stale = crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)
                ? "it expired on " + crl.getNextUpdate().toInstant() : null;
        X509CRLEntry entry = crl.getRevokedCertificate(leaf.getSerialNumber());
        if (entry != null) {
            String reason = entry.getRevocationReason() != null ? ", reason " + entry.getRevocationReason() : "";
            String caveat = unverified != null ? " (" + unverified + ")" : stale != null ? " (" + stale + ")" : "";
            return new Verdict(Status.REVOKED, true, label + ": REVOKED on " + instant(entry.getRevocationDate())
                    + reason + caveat);
        }
        if (unverified != null) {
            return Verdict.failed(label + " does not list the certificate, but " + unverified);
        }
        if (stale != null) {
            return Verdict.failed(label + " does not list the certificate, but " + stale);
        }
        return new Verdict(Status.GOOD, true, label + ": not listed (this update " + instant(crl.getThisUpdate())
                + (crl.getNextUpdate() != null ? ", next update " + instant(crl.getNextUpdate()) : "") + ")");
    }

    // --- certificate extensions ---------------------------------------------------------------------------------

    static List<URI> ocspUrls(X509Certificate leaf) {
        List<URI> urls = new ArrayList<>();
        Extensions extensions = extensions(leaf);
        AuthorityInformationAccess access = extensions == null ? null : AuthorityInformationAccess.fromExtensions(extensions);
        if (access != null) {
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
                    uri(description.getAccessLocation()).ifPresent(urls::add);
                }
            }
        }
        return urls;
    }

    static List<URI> crlUrls(X509Certificate leaf) {
        List<URI> urls = new ArrayList<>();
        Extensions extensions = extensions(leaf);
        CRLDistPoint points = extensions == null ? null : CRLDistPoint.fromExtensions(extensions);
        if (points != null) {
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(general).filter(u -> "http".equalsIgnoreCase(u.getScheme())).ifPresent(urls::add);
                    }
                }
            }
        }
        return urls;
    }

    private static Extensions extensions(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate).getExtensions();
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(name.getName().toString()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String responderStatus(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> String.valueOf(status);
        };
    }

    private static String reasonName(int reason) {
        String[] names = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded",
            "cessationOfOperation", "certificateHold", "unused", "removeFromCRL", "privilegeWithdrawn",
            "aACompromise"};
        return reason >= 0 && reason < names.length ? names[reason] : CRLReason.lookup(reason).toString();
    }

    private static String instant(Date date) {
        return date == null ? "unknown" : date.toInstant().toString();
    }

    private static String withNotes(String detail, List<String> notes) {
        return notes.isEmpty() ? detail : detail + " (earlier: " + join(notes) + ")";
    }

    private static String join(List<String> notes) {
        return String.join("; ", notes);
    }
}
