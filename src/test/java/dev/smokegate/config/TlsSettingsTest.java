package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.TlsSettings.MissingStaple;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code tls:} section's keys as a config file spells them (bad values: bad-configs.txt). */
class TlsSettingsTest {

    private static final String VALID = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            """;

    @TempDir
    Path dir;

    private EnvironmentConfig load(String yaml) throws Exception {
        return ConfigFiles.load(dir, yaml, Map.of());
    }

    @Test
    void aMissingStapleWarnsUnlessTheConfigSaysOtherwise() throws Exception {
        assertThat(load(VALID).tls().missingStaple()).isEqualTo(MissingStaple.WARN);
        assertThat(load(VALID + "tls:\n  hosts: [app.example.com]\n").tls().missingStaple())
                .isEqualTo(MissingStaple.WARN);
        assertThat(TlsSettings.DEFAULTS.missingStaple()).isEqualTo(MissingStaple.WARN);
    }

    @ParameterizedTest
    @CsvSource({"warn, WARN", "fail, FAIL", "FAIL, FAIL", "'\"warn\"', WARN"})
    void ocspStaplingIsWarnOrFail(String written, MissingStaple read) throws Exception {
        assertThat(load(VALID + "tls:\n  ocsp-stapling: " + written + "\n").tls().missingStaple()).isEqualTo(read);
    }
}
