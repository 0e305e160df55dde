package dev.smokegate.probe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebhookSettings;
import dev.smokegate.probe.ProbeContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookProbesTest {

    @Test
    void signsAsGitHubDocumentsIt() {
        // The example in GitHub's "Validating webhook deliveries".
        assertThat(WebhookProbes.sha256("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8),
                "Hello, World!"))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void pingCarriesZenHookIdAndTheHookDeliveringToTheUrl() throws Exception {
        JsonNode ping = new ObjectMapper().readTree(WebhookProbes.ping(URI.create("https://api.example.com/hooks"),
                42, "Design for failure."));

        assertThat(ping.get("zen").asText()).isEqualTo("Design for failure.");
        assertThat(ping.get("hook_id").asLong()).isEqualTo(42);
        assertThat(ping.at("/hook/id").asLong()).isEqualTo(42);
        assertThat(ping.at("/hook/config/url").asText()).isEqualTo("https://api.example.com/hooks");
        assertThat(ping.at("/hook/config/content_type").asText()).isEqualTo("json");
    }

    /** Nothing is sent at all: the URLs point at hosts that do not exist, and the probe must not try them. */
    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.invalid/webhooks/github", "http://api.example.invalid/webhooks/github",
            "https://api.example.invalid:8443/webhooks/github"})
    void withholdsTheSignaturesFromAUrlOffTheBackendsHttpsOrigin(String url) throws Exception {
        ConfigValue secret = new ConfigValue("webhook.secret", "s3cr3t", Set.of("WEBHOOK_SECRET"), Set.of());
        EnvironmentConfig config = EnvironmentConfig.builder("test", URI.create("https://app.example.invalid"),
                        URI.create("https://api.example.invalid"))
                .webhook(new WebhookSettings(Optional.of(URI.create(url)), Optional.of(secret))).build();

        WebhookDeliveries observed = WebhookProbes.deliveries(URI.create(url)).probe()
                .observe(new ProbeContext(config, SSLContext.getDefault()));

        assertThat(observed.deliveries()).isEmpty();
        assertThat(observed.withheld()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("is not on the backend's origin (https://api.example.invalid/)"));
    }
}
