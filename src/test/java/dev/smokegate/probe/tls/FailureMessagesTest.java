package dev.smokegate.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConnectTo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scanner's and revocation's failure details name no Java class, whatever the exception said. */
class FailureMessagesTest {

    private static final Dialer DIALER = new Dialer(new ConnectTo.Address("api.example.com", 443, Optional.empty()),
            Duration.ofSeconds(5), Duration.ofSeconds(10));

    @ParameterizedTest
    @MethodSource("dev.smokegate.probe.OddFailures#all")
    void handshakeFailuresNameNoJavaClass(Throwable failure) {
        HandshakeCapture capture = new HandshakeCapture(Offer.helloOnly(List.of(TlsVersion.TLS_1_2), new int[0],
                Optional.empty()));

        assertThat(Handshake.handshakeFailure(failure, false, DIALER, capture).detail())
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("sun.");
    }

    @ParameterizedTest
    @MethodSource("dev.smokegate.probe.OddFailures#io")
    void connectAndRevocationFailuresNameNoJavaClass(IOException failure) {
        assertThat(Handshake.connectFailure(failure, DIALER).detail())
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("sun.");
        assertThat(PlainHttp.describe(failure))
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("sun.");
    }
}
