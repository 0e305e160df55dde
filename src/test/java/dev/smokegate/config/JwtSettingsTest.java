package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSettingsTest {

    private static final String BASE = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("SMOKE_JWT", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            "JWT_SECRET", "a-jwt-secret-value"), id -> true);

    private EnvironmentConfig load(String yaml) throws Exception {
        Path file = dir.resolve("prod.yaml");
        Files.writeString(file, BASE + yaml);
        return loader.load(file);
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
}
