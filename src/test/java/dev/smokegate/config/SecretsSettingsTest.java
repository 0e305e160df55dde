package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsSettingsTest {

    private static final String VALID = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private static final Map<String, String> ENVIRONMENT = Map.of("GITHUB_CLIENT_SECRET", "client-secret-value-42");

    private EnvironmentConfig load(String yaml) throws IOException, ConfigException {
        return ConfigFiles.load(dir, VALID + yaml, ENVIRONMENT);
    }

    @Test
    void defaultsTo100Assets20MegabytesAndWarningSourceMaps() throws Exception {
        assertThat(load("").secrets()).isEqualTo(SecretsSettings.DEFAULTS);
        assertThat(SecretsSettings.DEFAULTS.maxBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(SecretsSettings.DEFAULTS.sourceMapsFail()).isFalse();
    }

    @Test
    void readsBoundsSourceMapModeAndAlsoSearchedSecretsAsSecrets() throws Exception {
        EnvironmentConfig config = load("""
                secrets:
                  max-assets: 20
                  max-bytes: 512KB
                  source-maps: fail
                  also-search: [ "${GITHUB_CLIENT_SECRET}" ]
                """);

        assertThat(config.secrets().maxAssets()).isEqualTo(20);
        assertThat(config.secrets().maxBytes()).isEqualTo(512 * 1024);
        assertThat(config.secrets().sourceMapsFail()).isTrue();
        assertThat(config.secretValues()).contains("client-secret-value-42");
        assertThat(config.references()).anySatisfy(r -> assertThat(r.variables()).containsExactly(
                "GITHUB_CLIENT_SECRET"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max-assets: 0|secrets.max-assets: expected a whole number from 1 to 10000",
        "max-bytes: 20GB|secrets.max-bytes: expected a size such as 500KB or 20MB",
        "source-maps: ignore|secrets.source-maps: expected warn or fail",
        "also-search: [ plain-text-secret ]|secrets.also-search[0]: must be a ${ENV_VAR} reference"})
    void rejectsMalformedSecretsSettingsNamingTheKey(String line, String problem) throws IOException {
        assertThatThrownBy(() -> load("secrets:\n  " + line + "\n")).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(problem)));
    }
}
