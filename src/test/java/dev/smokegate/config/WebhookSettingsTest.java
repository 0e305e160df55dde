package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code webhook:} section as a config file spells it. */
class WebhookSettingsTest {

    private static final String SITES = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            webhook:
            """;

    @TempDir
    Path dir;

    private EnvironmentConfig load(String webhook) throws Exception {
        return ConfigFiles.load(dir, SITES + webhook, Map.of("WEBHOOK_SECRET", "s3cr3t-for-hooks"));
    }

    @Test
    void readsUrlAndSecretAndRedactsTheSecret() throws Exception {
        EnvironmentConfig config = load("""
                  url: https://api.example.com/webhooks/github
                  secret: ${WEBHOOK_SECRET}
                """);

        assertThat(config.webhook().url()).contains(URI.create("https://api.example.com/webhooks/github"));
        assertThat(config.webhook().secret().orElseThrow().value()).isEqualTo("s3cr3t-for-hooks");
        assertThat(config.secretValues()).contains("s3cr3t-for-hooks");
    }

    @Test
    void failsWhenTheSecretIsWrittenInTheFile() {
        assertThatThrownBy(() -> load("""
                  url: https://api.example.com/webhooks/github
                  secret: literally-the-secret
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("webhook.secret: must be a ${ENV_VAR}");
    }

    @Test
    void failsWithoutASecret() {
        assertThatThrownBy(() -> load("""
                  url: https://api.example.com/webhooks/github
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("webhook.secret: required");
    }

    @Test
    void failsOnAnUnknownKey() {
        assertThatThrownBy(() -> load("""
                  url: https://api.example.com/webhooks/github
                  secret: ${WEBHOOK_SECRET}
                  path: /hooks
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("webhook.path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/api/webhooks", "http://api.example.com/webhooks/github",
            "https://api.example.com:8443/webhooks/github", "https://hooks.example.net/github"})
    void refusesAUrlOffTheBackendsHttpsOrigin(String url) {
        assertThatThrownBy(() -> load("  url: " + url + "\n  secret: ${WEBHOOK_SECRET}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("webhook.url: " + url + " is not on the backend's origin "
                        + "(https://api.example.com/) over https");
    }
}
