package dev.smokegate.probe.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.JwtSettings;
import dev.smokegate.probe.ProbeContext;
import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtProbesTest {

    /** Nothing listens at these: a probe that sent anything would fail differently (connection refused). */
    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/api/me", "https://elsewhere.example.net/api/me"})
    void sendsNoTokenOverPlaintextOrToAnOriginTheEnvironmentDoesNotName(String endpoint) throws Exception {
        JwtSettings n = JwtSettings.NONE;
        JwtSettings jwt = new JwtSettings(Optional.of(ConfigValue.literal("auth.jwt.token",
                JwtForgeriesTest.hs256(JwtForgeriesTest.SECRET, JwtForgeriesTest.user()))),
                Optional.empty(), n.tokenField(), Optional.of(URI.create(endpoint)), n.header(), n.scheme(), Optional.empty(), Optional.empty(),
                Optional.empty());
        EnvironmentConfig config = EnvironmentConfig.builder("prod", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).jwt(jwt).build();
        ProbeContext context = new ProbeContext(config, SSLContext.getDefault());

        assertThatThrownBy(() -> JwtProbes.forgeries(URI.create(endpoint), jwt).probe().observe(context))
                .hasMessageContaining("the token was not sent");
    }
}
