package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.impl.HMAC;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.JwtSettings;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every JWT check can fail: the {@code auth.*} checks run against the reference app's real
 * jsonwebtoken API, healthy with the configured token ({@code SMOKE_JWT}), and once per fault with the token the app
 * (faulty or not) issues to the test account's browser login ({@code auth.jwt.token-url}).
 */
@ExternalProcesses
class JwtFaultMatrixTest extends OnReferenceDeployment {

    private static final Selection AUTH = new Selection(Suite.FULL, List.of("auth.*"));
    private static final URI TOKEN = URI.create("https://api.smokegate.test/api/token");

    @Test
    void healthyAppPassesEveryJwtCheck() throws Exception {
        SuiteRun run = SuiteRun.of(config, AUTH);

        assertThat(run.withOutcome(Outcome.PASSED)).as("outcomes: " + run.withOutcome(Outcome.FAILED) + run.withOutcome(Outcome.BROKEN))
                .containsOnlyKeys("auth.jwt.forgery-rejected", "auth.jwt.secret-strength");
        assertThat(run.withOutcome(Outcome.PASSED).get("auth.jwt.forgery-rejected"))
                .contains("8 forged tokens refused");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.JwtFaultCase#ALL")
    void faultFailsExactlyItsChecks(JwtFaultCase fault) throws Exception {
        deployment.inject(fault.fault());

        SuiteRun run = SuiteRun.of(configFor(fault.token()), AUTH);
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);

        assertThat(run.withOutcome(Outcome.BROKEN)).as("broken").isEmpty();
        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }

    @Test
    void anonymousVisitorGetsNoToken() throws Exception {
        ProbeContext context = new ProbeContext(config, TrustMaterial.sslContext(config.trust().extraCaFile()));
        HttpExchange answer = HttpFetcher.get(TOKEN, context).exchange().orElseThrow();
        assertThat(answer.status()).as("GET /api/token without a session").isEqualTo(401);
    }

    private EnvironmentConfig configFor(JwtFaultCase.Token token) throws Exception {
        return switch (token) {
            case CONFIGURED -> config;
            case SIGNED_WITH_WEAK_SECRET -> ReferenceEnvironment.config(deployment, Map.of("SMOKE_JWT",
                    signedWithWeakSecret()));
            case FROM_LOGIN -> tokenFromLogin(config);
        };
    }

    /**
     * The test user's token as the app with JWT_SECRET=secret issues it. jsonwebtoken signs with any key length;
     * MACSigner refuses one this short, so it is built from parts.
     */
    private static String signedWithWeakSecret() throws Exception {
        String input = new JWSHeader(JWSAlgorithm.HS256).toBase64URL() + "." + new JWTClaimsSet.Builder()
                .subject("smokegate-bot").claim("role", "user")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build().toPayload()
                .toBase64URL();
        return input + "." + Base64URL.encode(HMAC.compute("HmacSHA256", "secret".getBytes(StandardCharsets.UTF_8),
                input.getBytes(StandardCharsets.US_ASCII), null));
    }

    /**
     * The reference config without auth.jwt.token: the checks get the token the app issues to the test account's
     * browser login. One row runs so, as each login waits for a fresh TOTP window (about 30 s).
     */
    private static EnvironmentConfig tokenFromLogin(EnvironmentConfig config) {
        JwtSettings jwt = config.jwt();
        return config.newBuilder().jwt(new JwtSettings(Optional.empty(), Optional.of(TOKEN), jwt.tokenField(),
                jwt.endpoint(), jwt.header(), jwt.scheme(), jwt.publicKeyFile(), jwt.jwksUrl(), jwt.secret()))
                .build();
    }
}
