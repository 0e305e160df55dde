package dev.smokegate.reference.pki;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * What a CA knows about one serial number, as its OCSP responder and CRL report it.
 *
 * @param revokedAt when it was revoked, for {@link State#REVOKED} only
 * @param reason    an RFC 5280 {@link CRLReason} code, for {@link State#REVOKED} only
 */
public record CertificateStatus(State state, Optional<Instant> revokedAt, int reason) {

    public enum State {
        /** Issued by this CA and not revoked. */
        GOOD,
        /** Issued by this CA and revoked. */
        REVOKED,
        /** Not a serial this CA issued. */
        UNKNOWN
    }

    public static final CertificateStatus GOOD = new CertificateStatus(State.GOOD, Optional.empty(), 0);
    public static final CertificateStatus UNKNOWN = new CertificateStatus(State.UNKNOWN, Optional.empty(), 0);

    public CertificateStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if ((state == State.REVOKED) != revokedAt.isPresent()) {
            throw new IllegalArgumentException("a revocation time belongs to REVOKED and only to REVOKED");
        }
    }

    public static CertificateStatus revoked(Instant at, int reason) {
        return new CertificateStatus(State.REVOKED, Optional.of(at), reason);
    }
}
