package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures as the probes meet them, described without a Java class name. */
class FailureTextTest {

    @ParameterizedTest
    @MethodSource("dev.smokegate.probe.OddFailures#all")
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
