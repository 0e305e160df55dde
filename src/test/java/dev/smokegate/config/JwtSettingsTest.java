package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JwtSettingsTest {

    private static final String BASE = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private static final Map<String, String> ENVIRONMENT = Map.of("SMOKE_JWT", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            "JWT_SECRET", "a-jwt-secret-value");

    private EnvironmentConfig load(String yaml) throws Exception {
        return ConfigFiles.load(dir, BASE + yaml, ENVIRONMENT);
    }

    @Test
    void readsTheJwtSectionAndHandsTokenAndSecretToTheRedactor() throws Exception {
        EnvironmentConfig config = load("""
                auth:
                  jwt:
                    token: ${SMOKE_JWT}
                    endpoint: https://api.example.com/api/me
                    scheme: ""
                    header: X-Auth-Token
                    secret: ${JWT_SECRET}
                """);
        JwtSettings jwt = config.jwt();
        assertThat(jwt.endpoint()).contains(URI.create("https://api.example.com/api/me"));
        assertThat(jwt.headerValue("t")).isEqualTo("t");
        assertThat(jwt.header()).isEqualTo("X-Auth-Token");
        assertThat(config.secretValues()).contains("eyJhbGciOiJIUzI1NiJ9.e30.c2ln", "a-jwt-secret-value");
    }

    @Test
    void defaultsToABearerAuthorizationHeaderAndNothingConfigured() throws Exception {
        assertThat(load("").jwt()).isEqualTo(JwtSettings.NONE);
        assertThat(JwtSettings.NONE.headerValue("t")).isEqualTo("Bearer t");
    }

    @Test
    void refusesALiteralTokenInTheFile() {
        assertThatThrownBy(() -> load("auth:\n  jwt:\n    token: eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n"))
                .hasMessageContaining("auth.jwt.token: must be a ${ENV_VAR} reference");
    }

    @Test
    void refusesAnUnknownKey() {
        assertThatThrownBy(() -> load("auth:\n  jwt:\n    tokn: ${SMOKE_JWT}\n"))
                .hasMessageContaining("auth.jwt.tokn");
    }

    @Test
    void readsATokenUrlForATokenFromTheBrowserLogin() throws Exception {
        JwtSettings jwt = load("""
                auth:
                  jwt:
                    token-url: https://api.example.com/api/token
                    token-field: accessToken
                    endpoint: https://api.example.com/api/me
                """).jwt();
        assertThat(jwt.tokenUrl()).contains(URI.create("https://api.example.com/api/token"));
        assertThat(jwt.tokenField()).isEqualTo("accessToken");
        assertThat(jwt.tokenFromLogin()).isTrue();
        assertThat(jwt.hasTokenSource()).isTrue();
    }

    @Test
    void prefersTheConfiguredTokenToTheLogin() throws Exception {
        JwtSettings jwt = load("""
                auth:
                  jwt:
                    token: ${SMOKE_JWT}
                    token-url: https://api.example.com/api/token
                """).jwt();
        assertThat(jwt.tokenFromLogin()).isFalse();
        assertThat(jwt.tokenField()).isEqualTo("token");
    }

    @ParameterizedTest
    @CsvSource({
            "endpoint, http://api.example.com/api/me, token",
            "endpoint, https://elsewhere.example.net/api/me, token",
            "token-url, https://api.example.com.evil.example/api/token, session cookie",
            "token-url, http://api.example.com/api/token, session cookie"})
    void refusesACredentialDestinationOffTheEnvironmentsHttpsOrigins(String key, String url, String what) {
        assertThatThrownBy(() -> load("auth:\n  jwt:\n    token: ${SMOKE_JWT}\n    " + key + ": " + url + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.jwt." + key + ": " + url + " is not https on an origin this environment "
                        + "names")
                .hasMessageContaining("the test user's " + what + " goes there and nowhere else");
    }
}
