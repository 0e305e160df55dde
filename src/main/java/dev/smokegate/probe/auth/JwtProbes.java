package dev.smokegate.probe.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.smokegate.config.JwtSettings;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.browser.LoginObservation;
import dev.smokegate.probe.browser.LoginObservation.IssuedToken;
import dev.smokegate.probe.browser.LoginProbes;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.Objects;
import java.util.Optional;

/** The JWT observations: forged tokens sent to an authenticated endpoint, and the offline weak-secret scan. */
public final class JwtProbes {

    private JwtProbes() {
    }

    /**
     * The valid token, then every forgery, each in its own request to {@code endpoint}. The token is a credential:
     * nothing is sent unless the endpoint is verified TLS on an origin this environment names.
     */
    public static ProbeRequest<JwtForgeryAttempts> forgeries(URI endpoint, JwtSettings jwt) {
        return new ProbeRequest<>("auth jwt forgeries " + endpoint, context -> {
            if (!context.config().mayCarryCredentials(endpoint)) {
                throw new IllegalStateException("the token was not sent: auth.jwt.endpoint " + endpoint
                        + " is not https on an origin this environment names");
            }
            String valid = validToken(context);
            JwtForgeries.Plan plan;
            try {
                plan = JwtForgeries.of(valid, publicKey(jwt, valid, context),
                        jwt.secret().map(s -> s.value()).filter(s -> !s.isEmpty()), Instant.now());
            } catch (ParseException e) {
                throw new IllegalStateException("auth.jwt.token is not a signed JWT: " + e.getMessage(), e);
            }
            HttpObservation control = send(endpoint, jwt, valid, context);
            List<JwtForgeryAttempts.Attempt> attempts = new ArrayList<>();
            for (JwtForgeries.Forgery forgery : plan.forgeries()) {
                attempts.add(new JwtForgeryAttempts.Attempt(forgery.name(),
                        send(endpoint, jwt, forgery.token(), context)));
            }
            return new JwtForgeryAttempts(control, attempts, plan.skipped());
        });
    }

    /** The HMAC scan of the configured token against the shipped list; no request leaves the machine. */
    public static ProbeRequest<WeakSecretScan> weakSecrets(JwtSettings jwt) {
        return new ProbeRequest<>("auth jwt weak secrets", context -> {
            try {
                WeakSecrets list = WeakSecrets.shipped();
                return list.scan(SignedJWT.parse(validToken(context))).withConfiguredSecretLine(
                        jwt.secret().map(s -> list.lineOf(s.value())).orElse(OptionalInt.empty()));
            } catch (ParseException e) {
                throw new IllegalStateException("auth.jwt.token is not a signed JWT: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The test user's valid token: the configured one, else the one the app issued to the run's browser login (the
     * same login the {@code oauth.*} browser checks judge, made once).
     */
    private static String validToken(ProbeContext context) throws Exception {
        JwtSettings jwt = context.config().jwt();
        if (jwt.token().isPresent()) {
            return jwt.token().get().value();
        }
        LoginObservation login = context.observe(LoginProbes.githubLogin(context.config()));
        Optional<IssuedToken> issued = login.issuedToken();
        return issued.flatMap(IssuedToken::token).orElseThrow(() -> new IllegalStateException("no token for the "
                + "test user: " + issued.map(t -> "auth.jwt.token-url " + t.url() + " " + t.detail())
                .orElseGet(() -> "the browser login ended before the app could issue one (" + login.end().kind()
                        + ": " + login.end().detail() + ")")));
    }

    private static HttpObservation send(URI endpoint, JwtSettings jwt, String token, ProbeContext context) {
        return HttpFetcher.fetch(HttpRequest.get(endpoint).withHeader(jwt.header(), jwt.headerValue(token)),
                context);
    }

    /**
     * The server's public key as the PEM text a vulnerable verifier would use as the HMAC secret: the configured
     * file as it is, or the JWKS key matching the token's {@code kid} (else the first) as a SubjectPublicKeyInfo PEM.
     */
    private static Optional<String> publicKey(JwtSettings jwt, String valid, ProbeContext context)
            throws ParseException {
        if (jwt.publicKeyFile().isPresent()) {
            try {
                return Optional.of(Files.readString(jwt.publicKeyFile().get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // An HMAC token has no public key to confuse with; its JWKS is not worth a request.
        JWSAlgorithm alg = SignedJWT.parse(valid).getHeader().getAlgorithm();
        boolean hasPublicKey = JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg);
        if (jwt.jwksUrl().isEmpty() || !hasPublicKey) {
            return Optional.empty();
        }
        HttpObservation fetched = HttpFetcher.get(jwt.jwksUrl().get(), context);
        HttpExchange answer = fetched.exchange().filter(e -> e.status() == 200).orElseThrow(() ->
                new IllegalStateException("auth.jwt.jwks-url gave no key set: " + fetched.failure()
                        .orElseGet(() -> "status " + fetched.exchange().get().status())));
        String kid = SignedJWT.parse(valid).getHeader().getKeyID();
        List<JWK> keys = JWKSet.parse(answer.body()).getKeys();
        JWK key = keys.stream().filter(k -> Objects.equals(k.getKeyID(), kid)).findFirst()
                .orElse(keys.isEmpty() ? null : keys.get(0));
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            return Optional.empty();
        }
        try {
            return Optional.of(pem(asymmetric.toPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException("auth.jwt.jwks-url: unusable key: " + e.getMessage(), e);
        }
    }

    private static String pem(byte[] subjectPublicKeyInfo) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(subjectPublicKeyInfo) + "\n-----END PUBLIC KEY-----\n";
    }
}
