package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials travel only over TLS to the origins an environment names. */
class CredentialScopeTest {

    private EnvironmentConfig config;

    @BeforeEach
    void load(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("scope.yaml"), """
                frontend: {url: https://app.example.com}
                backend: {url: "https://api.example.com:8443"}
                canonical: {url: https://example.com, redirect-from: [https://www.example.com]}
                websocket: {url: wss://rt.example.com/socket.io/}
                headers: {extra-origins: [https://docs.example.com]}
                """);
        config = new ConfigLoader(Map.of(), id -> true).load(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/", "https://APP.example.com/login?x=1",
            "https://api.example.com:8443/health", "https://example.com/", "https://www.example.com/",
            "wss://rt.example.com/socket.io/?EIO=4", "https://rt.example.com/socket.io/", "https://docs.example.com/",
            "https://app.example.com:443/"})
    void mayGoOverTlsToAConfiguredOrigin(String url) {
        assertThat(config.mayCarryCredentials(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/", "ws://rt.example.com/socket.io/",
            "http://api.example.com:8443/health", "https://api.example.com/health", "https://app.example.com:8443/",
            "https://evil.example/", "https://app.example.com.evil.example/", "https://sub.app.example.com/",
            "https://www.example.com.evil.example/"})
    void staysOffPlaintextOtherPortsAndForeignHosts(String url) {
        assertThat(config.mayCarryCredentials(URI.create(url))).isFalse();
    }
}
