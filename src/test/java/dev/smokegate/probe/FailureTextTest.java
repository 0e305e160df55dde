package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.MalformedInputException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures as the probes meet them, described without a Java class name. */
class FailureTextTest {

    /** What probes catch, including exceptions whose own message is made of class names. */
    static Stream<Throwable> failures() {
        return Stream.of(
                new SocketException("Connection reset"),
                new IOException(),
                new IOException(new SocketException("Broken pipe")),
                new IOException("java.io.IOException: stream closed"),
                new MalformedInputException(1),
                new SSLHandshakeException("PKIX path building failed: sun.security.provider.certpath"
                        + ".SunCertPathBuilderException: unable to find valid certification path to requested target"),
                new CertPathValidatorException(new CertificateExpiredException("NotAfter: Tue Nov 24 10:00:00 UTC")),
                new EOFException(),
                new SocketTimeoutException("Read timed out"),
                new UncheckedIOException(new IOException("boom")),
                new IllegalStateException());
    }

    @ParameterizedTest
    @MethodSource("failures")
    void namesNoJavaClass(Throwable failure) {
        assertThat(FailureText.of(failure)).isNotBlank().doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain("sun.");
    }

    @Test
    void keepsTheWordsOfAMessageAroundTheClassNamesInIt() {
        assertThat(FailureText.of(new SSLHandshakeException("PKIX path building failed: sun.security.provider"
                + ".certpath.SunCertPathBuilderException: unable to find valid certification path to requested target")))
                .isEqualTo("PKIX path building failed: unable to find valid certification path to requested target");
        assertThat(FailureText.of(new CertPathValidatorException(new CertificateExpiredException(
                "NotAfter: Tue Nov 24 10:00:00 UTC")))).isEqualTo("NotAfter: Tue Nov 24 10:00:00 UTC");
    }
}
