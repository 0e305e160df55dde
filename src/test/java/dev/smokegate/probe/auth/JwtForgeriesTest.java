package dev.smokegate.probe.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JwtForgeriesTest {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256!";
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    static String hs256(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }

    static JWTClaimsSet user() {
        return new JWTClaimsSet.Builder().subject("42").claim("role", "user")
                .expirationTime(Date.from(NOW.plusSeconds(3600))).build();
    }

    private static Map<String, String> byName(JwtForgeries.Plan plan) {
        return plan.forgeries().stream().collect(Collectors.toMap(JwtForgeries.Forgery::name,
                JwtForgeries.Forgery::token));
    }

    @Test
    void forgesAlgNoneInThreeCasingsWithAnEmptySignature() throws Exception {
        Map<String, String> tokens = byName(JwtForgeries.of(hs256(SECRET, user()), Optional.empty(),
                Optional.empty(), NOW));
        for (String none : List.of("none", "None", "NONE")) {
            String token = tokens.get("alg " + none);
            assertThat(token).endsWith(".");
            assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0])))
                    .contains("\"alg\":\"" + none + "\"");
        }
    }

    @Test
    void changedPayloadKeepsTheOldSignatureAndEscalatesTheRole() throws Exception {
        String valid = hs256(SECRET, user());
        String forged = byName(JwtForgeries.of(valid, Optional.empty(), Optional.empty(), NOW))
                .get("payload changed with the old signature");
        assertThat(forged.split("\\.")[2]).isEqualTo(valid.split("\\.")[2]);
        SignedJWT parsed = SignedJWT.parse(forged);
        assertThat(parsed.getJWTClaimsSet().getClaim("role")).isEqualTo("admin");
        assertThat(parsed.verify(new MACVerifier(SECRET.getBytes()))).isFalse();
    }

    @Test
    void expiredAndNotYetValidTokensAreSignedWithTheConfiguredSecret() throws Exception {
        JwtForgeries.Plan plan = JwtForgeries.of(hs256(SECRET, user()), Optional.empty(), Optional.of(SECRET), NOW);
        SignedJWT expired = SignedJWT.parse(byName(plan).get("expired (exp an hour ago)"));
        SignedJWT early = SignedJWT.parse(byName(plan).get("not yet valid (nbf in an hour)"));
        assertThat(expired.verify(new MACVerifier(SECRET.getBytes()))).isTrue();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(NOW));
        assertThat(early.verify(new MACVerifier(SECRET.getBytes()))).isTrue();
        assertThat(early.getJWTClaimsSet().getNotBeforeTime()).isAfter(Date.from(NOW));
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void skipsExpiryForgeriesWithoutTheSecretAndSaysWhichKeyEnablesThem() throws Exception {
        JwtForgeries.Plan plan = JwtForgeries.of(hs256(SECRET, user()), Optional.empty(), Optional.empty(), NOW);
        assertThat(plan.skipped()).singleElement().asString().contains("auth.jwt.secret");
        assertThat(byName(plan)).doesNotContainKey("expired (exp an hour ago)");
    }

    @Test
    void keyConfusionSignsHs256WithThePublicKeyPemOfAnRs256Token() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT valid = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), user());
        valid.sign(new RSASSASigner(rsa));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                rsa.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        JwtForgeries.Plan plan = JwtForgeries.of(valid.serialize(), Optional.of(pem), Optional.empty(), NOW);
        String confused = byName(plan).get("HS256 signed with the public key (key confusion)");
        String[] parts = confused.split("\\.");
        assertThat(parts[2]).isEqualTo(Hmac.sign(JWSAlgorithm.HS256, parts[0] + "." + parts[1],
                pem.getBytes()).toString());
        assertThat(new String(Base64URL.from(parts[0]).decode())).contains("HS256");

        JwtForgeries.Plan withoutKey = JwtForgeries.of(valid.serialize(), Optional.empty(), Optional.empty(), NOW);
        assertThat(withoutKey.skipped()).anyMatch(s -> s.contains("auth.jwt.public-key-file"));
    }
}
