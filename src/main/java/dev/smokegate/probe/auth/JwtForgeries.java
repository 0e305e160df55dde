package dev.smokegate.probe.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens an attacker would try against an endpoint that accepts {@code valid}: each a forgery a correct
 * verifier refuses. Tokens are built with nimbus-jose-jwt; {@code alg: none} in odd casings and the key-confusion
 * token are assembled from Base64URL parts because a well-behaved library refuses to produce them.
 */
public final class JwtForgeries {

    /** One forged token and what was forged, in words. */
    public record Forgery(String name, String token) {
    }

    /**
     * The forgeries, and the variants that could not be built with why.
     *
     * @param skipped one line per variant not tried, naming the config key that would enable it
     */
    public record Plan(List<Forgery> forgeries, List<String> skipped) {
        public Plan {
            forgeries = List.copyOf(forgeries);
            skipped = List.copyOf(skipped);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private JwtForgeries() {
    }

    /**
     * @param valid     the test user's valid token
     * @param publicKey the server's public key as PEM text, for the key-confusion forgery of an RS/ES token
     * @param secret    the app's HMAC secret, which alone can sign the expired and not-yet-valid tokens
     * @throws ParseException when {@code valid} is not a signed JWT
     */
    public static Plan of(String valid, Optional<String> publicKey, Optional<String> secret, Instant now)
            throws ParseException {
        SignedJWT token = SignedJWT.parse(valid);
        Base64URL[] parts = token.getParsedParts();
        JWSAlgorithm alg = token.getHeader().getAlgorithm();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        List<Forgery> forgeries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE")) {
            forgeries.add(new Forgery("alg " + none, withAlg(token, none) + "." + parts[1] + "."));
        }
        forgeries.add(new Forgery("signature stripped", parts[0] + "." + parts[1] + "."));
        forgeries.add(new Forgery("payload changed with the old signature",
                parts[0] + "." + encode(tampered(claims).toJSONObject()) + "." + parts[2]));
        byte[] randomKey = new byte[32];
        RANDOM.nextBytes(randomKey);
        forgeries.add(new Forgery("HS256 with a random key", hmac(JWSAlgorithm.HS256, claims, randomKey)));
        boolean asymmetric = JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg);
        if (asymmetric && publicKey.isPresent()) {
            String header = encode(Map.of("alg", "HS256", "typ", "JWT")).toString();
            String signingInput = header + "." + parts[1];
            forgeries.add(new Forgery("HS256 signed with the public key (key confusion)", signingInput + "."
                    + macOf(signingInput, publicKey.get().getBytes(StandardCharsets.US_ASCII))));
        } else if (asymmetric) {
            skipped.add("key confusion not tried: set auth.jwt.public-key-file or auth.jwt.jwks-url");
        }
        boolean hmac = JWSAlgorithm.Family.HMAC_SHA.contains(alg);
        if (hmac && secret.isPresent()) {
            byte[] key = secret.get().getBytes(StandardCharsets.UTF_8);
            forgeries.add(new Forgery("expired (exp an hour ago)", signedWith(alg, new JWTClaimsSet.Builder(claims)
                    .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build(), key, token)));
            forgeries.add(new Forgery("not yet valid (nbf in an hour)", signedWith(alg,
                    new JWTClaimsSet.Builder(claims).expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                            .notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build(), key, token)));
        } else {
            skipped.add("expired and not-yet-valid tokens not tried: they need the signing key ("
                    + (hmac ? "set auth.jwt.secret" : "an " + alg + " private key, which smokegate never holds")
                    + ")");
        }
        return new Plan(forgeries, skipped);
    }

    /** The payload with the subject (and a role, if the token has one) changed, as a privilege escalation. */
    private static JWTClaimsSet tampered(JWTClaimsSet claims) {
        JWTClaimsSet.Builder changed = new JWTClaimsSet.Builder(claims)
                .subject(Optional.ofNullable(claims.getSubject()).orElse("") + "-smokegate-forged");
        if (claims.getClaim("role") != null) {
            changed.claim("role", "admin");
        }
        return changed.build();
    }

    private static Base64URL withAlg(SignedJWT token, String alg) {
        Map<String, Object> header = token.getHeader().toJSONObject();
        header.put("alg", alg);
        return encode(header);
    }

    private static Base64URL encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json));
    }

    private static String hmac(JWSAlgorithm alg, JWTClaimsSet claims, byte[] key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(com.nimbusds.jose.JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a forged token: " + e.getMessage(), e);
        }
    }

    /**
     * Signed with the app's own key and header, so only the claims are wrong. A secret shorter than the algorithm
     * asks for is outside what MACSigner accepts, so the signature then comes from the raw HMAC.
     */
    private static String signedWith(JWSAlgorithm alg, JWTClaimsSet claims, byte[] key, SignedJWT original) {
        String signingInput = original.getParsedParts()[0] + "." + encode(claims.toJSONObject());
        return signingInput + "." + Hmac.sign(alg, signingInput, key);
    }

    private static Base64URL macOf(String signingInput, byte[] key) {
        return Hmac.sign(JWSAlgorithm.HS256, signingInput, key);
    }
}
