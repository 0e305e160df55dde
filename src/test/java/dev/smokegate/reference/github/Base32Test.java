package dev.smokegate.reference.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    /** RFC 4648 §10, which pads; GitHub shows secrets without padding. */
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"'', ''", "f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======"})
    void encodesAndDecodesTheTestVectorsOfRfc4648(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(encoded.replace("=", ""));
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.toLowerCase().replace("=", ""))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1", "MZXW8", "MZ!W6"})
    void refusesCharactersOutsideTheAlphabet(String encoded) {
        assertThatThrownBy(() -> Base32.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
