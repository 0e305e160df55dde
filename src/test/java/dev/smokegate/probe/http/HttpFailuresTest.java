package dev.smokegate.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.TransportError;
import java.net.SocketException;
import java.net.URI;
import java.util.Optional;
import org.apache.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HttpFailuresTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();
    private static final URI URL = URI.create("https://api.example.com/health");

    @ParameterizedTest
    @MethodSource("dev.smokegate.probe.OddFailures#all")
    void describesEveryFailureWithoutAJavaClassName(Throwable failure) {
        for (boolean answered : new boolean[] {false, true}) {
            assertThat(HttpFailures.classify(failure, URL, CONFIG, false, answered).description())
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("sun.");
        }
    }

    @Test
    void aResetOrCloseBeforeTheResponseIsRetryableAndAfterItIsNot() {
        SocketException reset = new SocketException("Connection reset");
        NoHttpResponseException closed = new NoHttpResponseException("The target server failed to respond");

        assertThat(HttpFailures.classify(reset, URL, CONFIG, false, false).transport())
                .contains(TransportError.RESET);
        assertThat(HttpFailures.classify(closed, URL, CONFIG, false, false).transport())
                .contains(TransportError.CLOSED);
        assertThat(HttpFailures.classify(reset, URL, CONFIG, false, true))
                .satisfies(f -> assertThat(f.transport()).isEmpty())
                .satisfies(f -> assertThat(f.description()).isEqualTo(
                        "connection reset by api.example.com:443 in the middle of the response"));
    }

    @Test
    void aTimeoutIsNeverRetried() {
        assertThat(HttpFailures.classify(new java.net.SocketTimeoutException("Read timed out"), URL, CONFIG, false,
                false)).satisfies(f -> assertThat(f.transport()).isEqualTo(Optional.empty()))
                .satisfies(f -> assertThat(f.kind()).isEqualTo(HttpFailure.TIMED_OUT));
    }
}
