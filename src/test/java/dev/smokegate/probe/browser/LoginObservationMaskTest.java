package dev.smokegate.probe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a report may show of a login's URLs: never a code, a state or a token, plain or URL-encoded. */
class LoginObservationMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://api.example.com/cb?code=abc123&state=s3cr3t | https://api.example.com/cb?code=[REDACTED]"
                    + "&state=[REDACTED]",
            "https://app.example.com/#access_token=xyz&token_type=bearer | https://app.example.com/"
                    + "#access_token=[REDACTED]&token_type=bearer",
            "https://github.com/login?return_to=%2Flogin%2Foauth%2Fauthorize%3Fclient_id%3DIv1%26state%3DulD2JOgq"
                    + "%26scope%3Dread | https://github.com/login?return_to=%2Flogin%2Foauth%2Fauthorize%3F"
                    + "client_id%3DIv1%26state%3D[REDACTED]%26scope%3Dread",
            "https://github.com/login?return_to=%2Flogin%2Foauth%2Fauthorize%3FSTATE%3Dabc | https://github.com/"
                    + "login?return_to=%2Flogin%2Foauth%2Fauthorize%3FSTATE%3D[REDACTED]"})
    void masksSecretParametersPlainAndEncoded(String url, String shown) {
        assertThat(LoginObservation.mask(url, List.of())).isEqualTo(shown);
    }
}
