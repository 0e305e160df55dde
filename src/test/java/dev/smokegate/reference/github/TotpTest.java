package dev.smokegate.reference.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA-1 seed of RFC 6238 Appendix B and RFC 4226 Appendix D: ASCII "12345678901234567890". */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Totp RFC_6238_SHA1 = new Totp("HmacSHA1", 8, Duration.ofSeconds(30));

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheSha1TestVectorsOfRfc6238AppendixB(long epochSeconds, String expected) {
        assertThat(RFC_6238_SHA1.at(SEED, Instant.ofEpochSecond(epochSeconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "counter {0} gives {1}")
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void githubsSixDigitsMatchTheHotpTestVectorsOfRfc4226AppendixD(long counter, String expected) {
        assertThat(Totp.GITHUB.forStep(SEED, counter)).isEqualTo(expected);
    }

    @Test
    void theStepChangesEveryThirtySecondsCountedFromTheEpoch() {
        assertThat(Totp.GITHUB.stepAt(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.GITHUB.stepAt(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.GITHUB.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.GITHUB.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
        assertThat(Totp.GITHUB.at(SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void keepsLeadingZeros() {
        assertThat(RFC_6238_SHA1.at(SEED, Instant.ofEpochSecond(1111111109))).hasSize(8).startsWith("0");
    }
}
