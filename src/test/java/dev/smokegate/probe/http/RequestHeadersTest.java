package dev.smokegate.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HttpSettings;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t",
                    URI.create("https://app.example.test"), URI.create("https://api.example.test"))
            .http(new HttpSettings(Map.of("Authorization", new ConfigValue("http.request-headers.Authorization",
                    "Bearer configured", Set.of("SMOKE_TOKEN"), Set.of()))))
            .build();

    @Test
    void configuredHeadersGoToTheEnvironmentsOwnHttpsOrigins() {
        HttpRequest request = HttpRequest.get(URI.create("https://api.example.test/health"));

        assertThat(HttpFetcher.headers(request, CONFIG)).extracting(HttpExchange.Header::value)
                .contains("Bearer configured");
    }

    @Test
    void aHeaderTheRequestSetsItselfReplacesTheConfiguredOneInsteadOfTravellingBesideIt() {
        HttpRequest request = HttpRequest.get(URI.create("https://api.example.test/api/jwt/me"))
                .withHeader("authorization", "Bearer forged");

        assertThat(HttpFetcher.headers(request, CONFIG)).filteredOn(h -> h.name().equalsIgnoreCase("Authorization"))
                .extracting(HttpExchange.Header::value).containsExactly("Bearer forged");
    }
}
