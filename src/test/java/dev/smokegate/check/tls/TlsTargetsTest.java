package dev.smokegate.check.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.model.Target;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsTargetsTest {

    private static EnvironmentConfig config(String frontend, String backend) {
        return EnvironmentConfig.builder("tls", URI.create(frontend), URI.create(backend)).build();
    }

    @Test
    void configuredHostsGetPort443UnlessTheyNameOneIpv6LiteralsIncluded() {
        EnvironmentConfig config = config("https://app.example.com", "https://api.example.com").newBuilder()
                .tls(new TlsSettings(List.of("app.example.com", "api.example.com:8443", "[::1]", "[::1]:8443")))
                .build();

        assertThat(TlsTargets.of(config)).extracting(Target::address)
                .containsExactly("app.example.com:443", "api.example.com:8443", "[::1]:443", "[::1]:8443");
    }

    @Test
    void ipv6TargetIsScannedAtTheBareAddress() {
        List<Target> targets = TlsTargets.of(config("https://[::1]:8443", "https://[::1]"));

        assertThat(targets).containsExactly(new Target("frontend", "[::1]:8443"), new Target("backend", "[::1]:443"));
        assertThat(TlsTargets.host(targets.get(0))).isEqualTo("::1");
        assertThat(TlsTargets.port(targets.get(0))).isEqualTo(8443);
    }

    @Test
    void hostNameTargetIsScannedAtTheName() {
        Target target = new Target("tls", "app.example.com:8443");

        assertThat(TlsTargets.host(target)).isEqualTo("app.example.com");
        assertThat(TlsTargets.port(target)).isEqualTo(8443);
    }
}
