package dev.smokegate.probe.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    /** RFC 6238 Appendix B's SHA-1 seed, the ASCII string "12345678901234567890", in Base32. */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesRfc6238AppendixBForSha1(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.ofBase32(RFC_SEED).withDigits(8).code(step)).isEqualTo(expected);
        // Truncation takes the value modulo 10^digits, so GitHub's six digits are the vector's last six.
        assertThat(Totp.ofBase32(RFC_SEED).code(step)).isEqualTo(expected.substring(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
            "GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n"})
    void readsTheSecretAsAuthenticatorAppsShowIt(String form) {
        assertThat(Totp.ofBase32(form).code(1)).isEqualTo(Totp.ofBase32(RFC_SEED).code(1));
    }

    @Test
    void readsPaddedBase32() {
        assertThat(Totp.base32("MFRGG===")).containsExactly('a', 'b', 'c');
        assertThat(Totp.base32("MFRGGZDFMY======")).containsExactly('a', 'b', 'c', 'd', 'e', 'f');
    }

    @ParameterizedTest
    @ValueSource(strings = {"GEZD1GNB", "GEZD8GNB", "secret!!", "GEZD GNBV 0"})
    void refusesWhatIsNotBase32WithoutRepeatingIt(String secret) {
        assertThatThrownBy(() -> Totp.ofBase32(secret)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.strip()));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> Totp.ofBase32(" = ")).hasMessage("the TOTP secret is empty");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.start(2)).isEqualTo(Instant.ofEpochSecond(60));
    }
}
