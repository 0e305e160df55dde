package dev.smokegate.probe.tls;

import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.tls.TlsObservation.PathValidation;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.SignatureException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Judges whether the chain <em>as sent</em> builds to the run's trust anchors. Only the sent certificates and the
 * anchors take part: missing intermediates are never fetched (the JDK would only do so with
 * {@code com.sun.security.enableAIAcaIssuers}, which smokegate never sets). Revocation is checked elsewhere.
 *
 * <p>The JDK's PKIX builder decides first. If it refuses, BouncyCastle's builder (an instance passed explicitly,
 * never registered JVM-wide) gets a second say, so that {@code jdk.certpath.disabledAlgorithms} (MD5, tiny keys)
 * cannot turn a weak-but-valid chain under the extra CA into an "untrusted" one: weak signatures and keys are the
 * business of the signature and key-strength checks, not of this one.
 *
 * <p>Time: the path is validated at "now" clamped into the leaf's validity, so an expired or not-yet-valid leaf is
 * judged by the validity check, not here. When no date inside the leaf's validity suits the whole path, the leaf's
 * issuer must build to an anchor now and have signed the leaf (see {@code trustedApartFromLeafValidity}).
 */
final class ChainValidator {

    private static final int MAX_DEPTH = 16;
    private static volatile Provider bouncyCastle;

    private ChainValidator() {
    }

    /**
     * How the sent certificates link up from the leaf, by issuer name and signature.
     *
     * @param path          leaf first, then each sent issuer found; never the anchor
     * @param anchor        the trust anchor the path reached, if any
     * @param ownRoot       the sent self-signed certificate the path ended at, when it is no anchor
     * @param missingIssuer the issuer of the path's last certificate, when it was neither sent nor an anchor
     */
    record Walk(List<X509Certificate> path, Optional<X509Certificate> anchor, Optional<X509Certificate> ownRoot,
                Optional<X500Principal> missingIssuer) {

        /**
         * Nothing provably missing. Only a leaf whose issuer was neither sent nor is an anchor is incomplete: when
         * the path ends at a sent CA certificate with an unknown issuer, that issuer is taken to be a root the
         * server rightly left out (an untrusted root, judged by {@code trusted}), since nothing sent can tell it
         * apart from a missing second-level intermediate.
         */
        boolean complete() {
            return missingIssuer.isEmpty() || path.size() > 1;
        }

        /** The certificate that issued the leaf, if it was sent or is an anchor. */
        Optional<X509Certificate> leafIssuer() {
            if (path.size() > 1) {
                return Optional.of(path.get(1));
            }
            if (anchor.isPresent() && !isSelfSigned(path.get(0))) {
                return anchor;
            }
            return ownRoot.filter(root -> root != path.get(0));
        }
    }

    static PathValidation noChain(String why) {
        return new PathValidation(false, false, Optional.empty(), false, Optional.of(why));
    }

    static PathValidation validate(List<X509Certificate> chain, TrustAnchors anchors, Instant now) {
        if (chain.isEmpty()) {
            return noChain("no certificate was received");
        }
        X509Certificate leaf = chain.get(0);
        Date at = Date.from(clamp(now, leaf));
        Walk walk = walk(chain, anchors);
        List<X509Certificate> anchorCerts = anchors.all();
        if (anchorCerts.isEmpty()) {
            return new PathValidation(false, walk.complete(), Optional.empty(), false,
                    Optional.of("no trust anchors: the JDK trust store is empty and no extra CA is configured"));
        }
        Optional<X509Certificate> built = build(chain, chain.get(0), anchorCerts, at, walk.anchor().isPresent());
        if (built.isEmpty() && !validAt(leaf, now)) {
            built = trustedApartFromLeafValidity(chain, walk, anchorCerts, now);
        }
        if (built.isPresent()) {
            X509Certificate anchor = built.get();
            return new PathValidation(true, true, Optional.of(anchor.getSubjectX500Principal().getName()),
                    anchors.isSystemRoot(anchor), Optional.empty());
        }
        Optional<X509Certificate> reached = walk.anchor();
        return new PathValidation(false, walk.complete(),
                reached.map(a -> a.getSubjectX500Principal().getName()),
                reached.map(anchors::isSystemRoot).orElse(false), Optional.of(problem(walk, at)));
    }

    /** Follows issuer links from the leaf through the sent certificates (any order) to an anchor or a root. */
    static Walk walk(List<X509Certificate> chain, TrustAnchors anchors) {
        X509Certificate current = chain.get(0);
        List<X509Certificate> path = new ArrayList<>();
        path.add(current);
        Set<X509Certificate> visited = new HashSet<>(path);
        List<X509Certificate> anchorCerts = anchors.all();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (isSelfSigned(current)) {
                Optional<X509Certificate> asAnchor = anchors.matching(current);
                if (asAnchor.isPresent()) {
                    if (path.size() > 1) {
                        path.remove(path.size() - 1); // a sent root that is an anchor is not part of the path
                    }
                    return new Walk(path, asAnchor, Optional.empty(), Optional.empty());
                }
                return new Walk(path, Optional.empty(), Optional.of(current), Optional.empty());
            }
            X509Certificate subject = current;
            Optional<X509Certificate> anchor = anchorCerts.stream().filter(a -> issued(a, subject)).findFirst();
            if (anchor.isPresent()) {
                return new Walk(path, anchor, Optional.empty(), Optional.empty());
            }
            Optional<X509Certificate> sent = chain.stream()
                    .filter(c -> !visited.contains(c) && issued(c, subject)).findFirst();
            if (sent.isEmpty()) {
                return new Walk(path, Optional.empty(), Optional.empty(),
                        Optional.of(current.getIssuerX500Principal()));
            }
            current = sent.get();
            path.add(current);
            visited.add(current);
        }
        return new Walk(path, Optional.empty(), Optional.empty(), Optional.of(current.getIssuerX500Principal()));
    }

    /**
     * The JDK's PKIX builder, then (when the sent certificates do link up to an anchor, so that only the JDK's
     * algorithm constraints can be in the way) BouncyCastle's; the anchor of the first path found.
     */
    private static Optional<X509Certificate> build(List<X509Certificate> chain, X509Certificate target,
                                                   List<X509Certificate> anchorCerts, Date at,
                                                   boolean reachesAnchor) {
        Optional<X509Certificate> anchor = build(chain, target, anchorCerts, at, null);
        return anchor.isPresent() || !reachesAnchor ? anchor : build(chain, target, anchorCerts, at, bouncyCastle());
    }

    /**
     * For a leaf outside its validity whose path cannot be valid at any one date inside it (typically: an expired
     * leaf from an intermediate issued after the leaf's notAfter, as freshly generated test PKIs have): the leaf's
     * issuer must build to an anchor <em>now</em>, be a CA, and have signed the leaf. The leaf's own dates are then
     * left to the validity check, as the contract asks.
     */
    private static Optional<X509Certificate> trustedApartFromLeafValidity(List<X509Certificate> chain, Walk walk,
                                                                          List<X509Certificate> anchorCerts,
                                                                          Instant now) {
        Optional<X509Certificate> issuer = walk.leafIssuer();
        X509Certificate leaf = chain.get(0);
        if (issuer.isEmpty() || !signatureVerifies(issuer.get(), leaf)) {
            return Optional.empty();
        }
        boolean issuerIsAnchor = walk.anchor().isPresent() && walk.path().size() == 1;
        if (issuerIsAnchor) {
            return validAt(issuer.get(), now) ? walk.anchor() : Optional.empty();
        }
        if (issuer.get().getBasicConstraints() < 0) {
            return Optional.empty();
        }
        return build(chain, issuer.get(), anchorCerts, Date.from(now), walk.anchor().isPresent());
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    private static boolean signatureVerifies(X509Certificate issuer, X509Certificate subject) {
        try {
            subject.verify(issuer.getPublicKey());
            return issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<X509Certificate> build(List<X509Certificate> chain, X509Certificate targetCertificate,
                                                   List<X509Certificate> anchorCerts, Date at, Provider provider) {
        try {
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            anchorCerts.forEach(a -> trustAnchors.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(targetCertificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.setMaxPathLength(-1);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder builder = provider == null
                    ? CertPathBuilder.getInstance("PKIX") : CertPathBuilder.getInstance("PKIX", provider);
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) builder.build(parameters);
            return Optional.of(result.getTrustAnchor().getTrustedCert());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // CertPathBuilderException: no valid path; the walk explains why
        }
    }

    /** Why the chain does not validate, in words an on-call engineer can act on. */
    private static String problem(Walk walk, Date at) {
        X509Certificate leaf = walk.path().get(0);
        if (walk.missingIssuer().isPresent()) {
            X509Certificate last = walk.path().get(walk.path().size() - 1);
            String issuer = walk.missingIssuer().get().getName();
            return walk.complete()
                    ? "chain ends at " + name(last) + ", whose issuer '" + issuer + "' is not a trusted root"
                    + " (an untrusted root, or an intermediate the server did not send)"
                    : "incomplete chain: the issuer of the leaf " + name(last) + " ('" + issuer + "') was not sent"
                    + " and is not a trusted root; the server must send its intermediate certificate(s)";
        }
        if (walk.ownRoot().isPresent()) {
            X509Certificate root = walk.ownRoot().get();
            return root == leaf
                    ? "self-signed certificate " + name(leaf) + " is not issued by a trusted CA"
                    : "chain ends at root " + name(root) + ", which is not a trusted root";
        }
        // Reached an anchor, yet no valid path: ask the validator why, on the walked path.
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(walk.path());
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(walk.anchor().get(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return "no valid certification path to a trusted root was found";
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < walk.path().size()
                    ? " at " + name(walk.path().get(e.getIndex())) : "";
            String cause = e.getCause() != null && e.getCause().getMessage() != null
                    ? " (" + FailureText.of(e.getCause()) + ")" : "";
            return "path validation failed" + where + ": " + FailureText.of(e) + cause;
        } catch (GeneralSecurityException e) {
            return "path validation failed: " + FailureText.of(e);
        }
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return issued(certificate, certificate);
    }

    /** {@code issuer} issued {@code subject}: names match and, where the JDK can check it, the signature verifies. */
    static boolean issued(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            return true; // cannot check this signature algorithm here; the name link has to do
        } catch (SignatureException | InvalidKeyException | java.security.cert.CertificateException e) {
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Instant clamp(Instant now, X509Certificate leaf) {
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return notBefore;
        }
        return now.isAfter(notAfter) ? notAfter : now;
    }

    private static String name(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "'";
    }

    private static Provider bouncyCastle() {
        Provider provider = bouncyCastle;
        if (provider == null) {
            provider = new BouncyCastleProvider();
            bouncyCastle = provider;
        }
        return provider;
    }
}
