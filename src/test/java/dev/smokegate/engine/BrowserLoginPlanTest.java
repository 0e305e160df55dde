package dev.smokegate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.auth.AuthChecks;
import dev.smokegate.config.ConfigFiles;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks whose token comes from the browser login run where the login runs, never in the credential-free gate. */
class BrowserLoginPlanTest {

    private static final String SITES = """
            frontend: {url: https://app.example.com}
            backend: {url: https://api.example.com}
            oauth:
              login-url: https://api.example.com/auth/github
              me-url: https://api.example.com/api/me
              test-login: ${GITHUB_TEST_LOGIN}
              test-password: ${GITHUB_TEST_PASSWORD}
              test-totp-secret: ${GITHUB_TEST_TOTP_SECRET}
            auth:
              jwt:
                endpoint: https://api.example.com/api/jwt/me
            """;

    private static final Map<String, String> ACCOUNT = Map.of("GITHUB_TEST_LOGIN", "bot",
            "GITHUB_TEST_PASSWORD", "pw", "GITHUB_TEST_TOTP_SECRET", "JBSWY3DPEHPK3PXP", "SMOKE_JWT", "a.b.c");

    @TempDir
    Path dir;

    private EnvironmentConfig load(String jwt, Map<String, String> environment) throws Exception {
        return ConfigFiles.load(dir, SITES + jwt, environment);
    }

    private static Map<String, Optional<String>> skips(EnvironmentConfig config, Selection selection) {
        Map<String, Optional<String>> skips = new java.util.TreeMap<>();
        RunSession.plan(config, selection, AuthChecks.all()).forEach(p -> skips.put(p.check().spec().id(),
                p.skipReason()));
        return skips;
    }

    @Test
    void gateSkipsTheJwtChecksWhenOnlyTheLoginHasAToken() throws Exception {
        EnvironmentConfig config = load("    token-url: https://api.example.com/api/token\n", ACCOUNT);

        assertThat(skips(config, Selection.of(Suite.GATE))).allSatisfy((id, reason) -> assertThat(reason).contains(
                "its token comes from the browser login (auth.jwt.token-url; auth.jwt.token is not set): the gate "
                        + "suite runs no browser login"));
        assertThat(skips(config, Selection.of(Suite.NIGHTLY))).allSatisfy((id, reason) -> assertThat(reason)
                .isEmpty());
        assertThat(skips(config, new Selection(Suite.GATE, List.of("auth.*")))).allSatisfy((id, reason) ->
                assertThat(reason).isEmpty());
    }

    @Test
    void gateRunsTheJwtChecksWithAConfiguredToken() throws Exception {
        EnvironmentConfig config = load("    token: ${SMOKE_JWT}\n    token-url: https://api.example.com/api/token\n",
                ACCOUNT);

        assertThat(skips(config, Selection.of(Suite.GATE))).hasSize(2).allSatisfy((id, reason) ->
                assertThat(reason).isEmpty());
    }

    @Test
    void saysWhyTheLoginCannotGiveATokenWhenTheAccountIsNotSet() throws Exception {
        EnvironmentConfig config = load("    token-url: https://api.example.com/api/token\n", Map.of());

        assertThat(skips(config, Selection.of(Suite.NIGHTLY))).allSatisfy((id, reason) -> assertThat(reason).hasValue(
                "no token: auth.jwt.token is not set and the browser login that would get one from "
                        + "auth.jwt.token-url cannot run: the test account is not available here: "
                        + "GITHUB_TEST_LOGIN, GITHUB_TEST_PASSWORD, GITHUB_TEST_TOTP_SECRET are not set "
                        + "(oauth.test-login, oauth.test-password, oauth.test-totp-secret)"));
    }
}
