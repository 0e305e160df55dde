package dev.smokegate.probe.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.impl.HMAC;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WeakSecretsTest {

    /** jsonwebtoken signs with any key length; MACSigner would refuse "secret", so this is built from parts. */
    private static SignedJWT signedWith(String key) throws Exception {
        String input = new JWSHeader(JWSAlgorithm.HS256).toBase64URL() + "."
                + Base64URL.encode("{\"sub\":\"42\"}");
        return SignedJWT.parse(input + "." + Base64URL.encode(HMAC.compute("HmacSHA256",
                key.getBytes(StandardCharsets.UTF_8), input.getBytes(StandardCharsets.US_ASCII), null)));
    }

    @Test
    void shipsAFewThousandEntriesWithTheWellKnownDefaults() {
        WeakSecrets list = WeakSecrets.shipped();
        assertThat(list.size()).isBetween(2000, 10000);
        assertThat(list.lineOf("secret")).isPresent();
        assertThat(list.lineOf("your-256-bit-secret")).isPresent();
        assertThat(list.lineOf("changeme")).isPresent();
    }

    @Test
    void findsTheLineOfTheWeakSecretATokenIsSignedWith() throws Exception {
        WeakSecretScan scan = WeakSecrets.shipped().scan(signedWith("your-256-bit-secret"));
        assertThat(scan.hmac()).isTrue();
        assertThat(scan.hitLine()).isEqualTo(WeakSecrets.shipped().lineOf("your-256-bit-secret"));
    }

    @Test
    void findsNothingForARandomSecretAfterTryingTheWholeList() throws Exception {
        WeakSecretScan scan = WeakSecrets.shipped().scan(signedWith("q8Zp2LrT0vXw4yBn7mKc1dHs9fJg3aEu6iOl5"));
        assertThat(scan.hitLine()).isEmpty();
        assertThat(scan.tried()).isEqualTo(WeakSecrets.shipped().size());
    }
}
