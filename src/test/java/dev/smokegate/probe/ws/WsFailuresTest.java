package dev.smokegate.probe.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WsFailuresTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();
    private static final URI URL = URI.create("wss://api.example.com/ws");

    @ParameterizedTest
    @MethodSource("dev.smokegate.probe.OddFailures#io")
    void describesEveryFailureWithoutAJavaClassName(IOException failure) {
        for (WsFailures.Failure described : new WsFailures.Failure[] {WsFailures.connect(failure, URL, CONFIG),
                WsFailures.tlsHandshake(failure, URL, CONFIG),
                WsFailures.upgrade(Optional.of(failure), false, URL, CONFIG)}) {
            assertThat(described.description()).doesNotContain("Exception").doesNotContain("java.")
                    .doesNotContain("sun.");
        }
    }
}
