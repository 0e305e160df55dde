package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginsTest {

    @ParameterizedTest
    @CsvSource({
            "https://app.example.com/a,         https://APP.example.com:443/b?x=1, true",
            "wss://rooms.example.com/ws,        WSS://rooms.example.com:443/,      true",
            "http://app.example.com/,           http://app.example.com:80/x,       true",
            "https://app.example.com/,          http://app.example.com/,           false",
            "https://app.example.com/,          https://app.example.com:8443/,     false",
            "https://app.example.com/,          https://api.example.com/,          false",
            "https://app.example.com/,          https://app.example.com.evil.test/, false",
            "data:text/javascript;base64,       https://app.example.com/,          false",
            "https://app.example.com/,          /relative/path,                    false"})
    void comparesSchemeHostAndPortWithoutCaseAndWithDefaultPorts(String a, String b, boolean same) {
        assertThat(Origins.same(URI.create(a.strip()), URI.create(b.strip()))).isEqualTo(same);
        assertThat(Origins.same(URI.create(b.strip()), URI.create(a.strip()))).isEqualTo(same);
    }
}
