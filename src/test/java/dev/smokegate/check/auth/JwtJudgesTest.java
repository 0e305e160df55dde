package dev.smokegate.check.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.JwtSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.auth.JwtForgeryAttempts;
import dev.smokegate.probe.auth.JwtForgeryAttempts.Attempt;
import dev.smokegate.probe.auth.WeakSecretScan;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JwtJudgesTest {

    private static final URI ME = URI.create("https://api.example.com/api/jwt/me");
    private static final EnvironmentConfig CONFIG = config(Optional.empty());

    private static EnvironmentConfig config(Optional<String> secret) {
        JwtSettings n = JwtSettings.NONE;
        return EnvironmentConfig.builder("prod", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).jwt(new JwtSettings(
                        Optional.of(ConfigValue.literal("auth.jwt.token", "t")), Optional.empty(), n.tokenField(),
                        Optional.of(ME), n.header(), n.scheme(), Optional.empty(), Optional.empty(),
                        secret.map(s -> ConfigValue.literal("auth.jwt.secret", s)))).build();
    }

    private static HttpObservation answer(int status) {
        return HttpObservation.answered(new HttpExchange("GET", ME, List.of(), status, "", List.of(), "", false,
                Duration.ofMillis(3)));
    }

    private static JwtForgeryAttempts attempts(int control, int none, int stripped, List<String> skipped) {
        return new JwtForgeryAttempts(answer(control), List.of(new Attempt("alg none", answer(none)),
                new Attempt("signature stripped", answer(stripped))), skipped);
    }

    @Test
    void passesWhenEveryForgeryIsRefusedWith401AndTheControlIsAccepted() {
        Verdict verdict = JwtJudges.forgeries(attempts(200, 401, 403, List.of()), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("2 forged tokens refused");
    }

    @Test
    void failsNamingEveryAcceptedForgery() {
        Verdict verdict = JwtJudges.forgeries(attempts(200, 200, 200, List.of()), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("accepted").contains("alg none").contains("signature stripped");
    }

    @Test
    void failsWhenAForgeryCrashesTheEndpoint() {
        Verdict verdict = JwtJudges.forgeries(attempts(200, 500, 401, List.of()), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("crashed").contains("alg none (500)");
    }

    @Test
    void failsWhenTheValidTokenIsRefusedBecauseRefusalsThenProveNothing() {
        Verdict verdict = JwtJudges.forgeries(attempts(401, 401, 401, List.of()), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("control").contains("401");
    }

    @Test
    void warnsWhenAForgeryIsRefusedWithoutA401Or403() {
        assertThat(JwtJudges.forgeries(attempts(200, 400, 401, List.of()), CONFIG).status())
                .isEqualTo(Status.WARN);
    }

    @Test
    void passesWithANoteForSkippedForgeries() {
        Verdict verdict = JwtJudges.forgeries(attempts(200, 401, 401,
                List.of("key confusion not tried: set auth.jwt.public-key-file")), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("key confusion not tried");
    }

    @Test
    void failsNamingTheListLineWhenTheTokenVerifiesWithAWeakSecret() {
        Verdict verdict = JwtJudges.secretStrength(scan("HS256", true, 8, OptionalInt.of(8)), CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("line 8").doesNotContain("\"secret\"");
    }

    @Test
    void passesAnRs256TokenAsNotAnHmacToken() {
        Verdict verdict = JwtJudges.secretStrength(scan("RS256", false, 0, OptionalInt.empty()),
                CONFIG);
        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("not an HMAC token");
    }

    @Test
    void failsWhenTheConfiguredSecretIsShortWithoutShowingIt() {
        Verdict verdict = JwtJudges.secretStrength(scan("HS256", true, 10, OptionalInt.empty()),
                config(Optional.of("Zq8rT2x")));
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("7 bytes").doesNotContain("Zq8rT2x");
    }

    @Test
    void failsWhenTheConfiguredSecretIsLongButARepeatedCharacter() {
        Verdict verdict = JwtJudges.secretStrength(scan("HS256", true, 10, OptionalInt.empty()),
                config(Optional.of("a".repeat(48))));
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("low-entropy");
    }

    @Test
    void failsNamingTheListLineWhenTheConfiguredSecretIsOnTheList() {
        Verdict verdict = JwtJudges.secretStrength(new WeakSecretScan("HS256", true, 10, OptionalInt.empty(),
                OptionalInt.of(42)), config(Optional.of("kR3v9Qz1Lm8Xw2Pt7Ys4Hb6Nc0Fd5GjUaEiOoYyTtRrWw")));
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("line 42 of the shipped list");
    }

    @Test
    void passesALongRandomConfiguredSecret() {
        Verdict verdict = JwtJudges.secretStrength(scan("HS256", true, 10, OptionalInt.empty()),
                config(Optional.of("kR3v9Qz1Lm8Xw2Pt7Ys4Hb6Nc0Fd5GjUaEiOoYyTtRrWw")));
        assertThat(verdict.status()).isEqualTo(Status.PASS);
    }

    /** A scan of the token; the configured secret (if any) on no line of the list. */
    private static WeakSecretScan scan(String algorithm, boolean hmac, int tried, OptionalInt hitLine) {
        return new WeakSecretScan(algorithm, hmac, tried, hitLine, OptionalInt.empty());
    }

}
