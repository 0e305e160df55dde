package dev.smokegate.probe.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
}
