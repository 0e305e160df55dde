package dev.smokegate.probe.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.impl.HMAC;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;

/**
 * JWS HMAC signatures through nimbus-jose-jwt's HMAC, for keys of any length: weak secrets and public-key PEM text
 * are exactly the keys a careful signer (MACSigner) refuses, and exactly the ones these checks must try.
 */
final class Hmac {

    private Hmac() {
    }

    /** {@code alg} is HS256, HS384 or HS512: the JCA name is HmacSHA and its digest size. */
    static Base64URL sign(JWSAlgorithm alg, String signingInput, byte[] key) {
        try {
            return Base64URL.encode(HMAC.compute("HmacSHA" + alg.getName().substring(2), key,
                    signingInput.getBytes(StandardCharsets.US_ASCII), null));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute " + alg + ": " + e.getMessage(), e);
        }
    }
}
