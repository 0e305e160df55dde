package dev.smokegate.reference.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CRL of one CA (RFC 5280 v2): every serial it revoked with date and reason, signed by the CA, freshly issued on
 * each call with an increasing CRL number and a nextUpdate {@link #VALIDITY} away.
 */
public final class CrlPublisher {

    public static final Duration VALIDITY = Duration.ofDays(1);
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final CertificateAuthority ca;
    private final AtomicLong number = new AtomicLong();

    public CrlPublisher(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** The current CRL, DER encoded. */
    public byte[] crl() {
        Instant thisUpdate = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(VALIDITY)));
            ca.revoked().forEach((serial, status) -> builder.addCRLEntry(serial,
                    Date.from(status.revokedAt().orElseThrow()), status.reason()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(number.incrementAndGet())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
            return builder.build(new JcaContentSignerBuilder(ca.signatureAlgorithm("SHA256")).build(ca.signingKey()))
                    .getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }
}
