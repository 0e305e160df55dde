package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Suite;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureEnvironmentFileTest {

    @Test
    void writesRedactedEnvironmentSuiteUrlsAndVersionsInDisplayOrder(@TempDir Path dir) throws Exception {
        EnvironmentConfig config = EnvironmentConfig.builder("staging east",
                URI.create("https://www.example.com"), URI.create("https://svc:env-secret-77@api.example.com"))
                .secretValue("env-secret-77").build();

        Path file = AllureEnvironmentFile.write(dir, config, Suite.NIGHTLY,
                Redactor.forSecrets(config.secretValues()));

        String text = Files.readString(file);
        assertThat(text).doesNotContain("env-secret-77").doesNotStartWith("#");
        Properties loaded = new Properties();
        loaded.load(new StringReader(text));
        assertThat(loaded.getProperty("Environment")).isEqualTo("staging east");
        assertThat(loaded.getProperty("Suite")).isEqualTo("nightly");
        assertThat(loaded.getProperty("Frontend")).isEqualTo("https://www.example.com");
        assertThat(loaded.getProperty("Backend")).isEqualTo("https://svc:***@api.example.com");
        assertThat(loaded.getProperty("Java")).contains(System.getProperty("java.version"));
        assertThat(loaded.getProperty("smokegate")).isNotBlank();
        assertThat(text.lines().map(l -> l.substring(0, l.indexOf('='))).toList())
                .containsExactly("Environment", "Suite", "Frontend", "Backend", "Java", "smokegate");
    }
}
