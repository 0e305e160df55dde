package dev.smokegate.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTimeoutsTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t", URI.create("https://app.example.com"),
            URI.create("https://api.example.com")).connectTo(new ConnectTo(List.of(
                    new HostMapping("api.example.com", 443, "10.0.0.5", 8443),
                    new HostMapping("www.example.com", 443, "10.0.0.5", 8443)))).build();

    private static OriginTimeouts.Origin origin(String url) {
        return OriginTimeouts.Origin.of(URI.create(url), CONFIG);
    }

    @Test
    void keepsTheFirstTimeoutOfAnAddressAndNamesIt() {
        OriginTimeouts timeouts = new OriginTimeouts();
        timeouts.timedOut(origin("https://api.example.com/health"), "GET https://api.example.com/health",
                "no response within 10s from api.example.com:443");
        timeouts.timedOut(origin("https://api.example.com/"), "GET https://api.example.com/", "a later timeout");

        assertThat(timeouts.earlier(origin("https://api.example.com/api/session"))).contains(
                "timed out earlier in this run (GET https://api.example.com/health: no response within 10s from "
                        + "api.example.com:443)");
    }

    @Test
    void anAddressIsWhereTheConnectionGoesWithTlsOrWithout() {
        assertThat(origin("https://api.example.com/")).isEqualTo(origin("wss://api.example.com/ws"))
                .as("a mapping to the same address").isEqualTo(origin("https://WWW.example.com/"))
                .isEqualTo(new OriginTimeouts.Origin(true, "10.0.0.5", 8443));
        assertThat(origin("http://api.example.com/")).isNotEqualTo(origin("https://api.example.com/"));
        assertThat(origin("https://app.example.com/")).isEqualTo(new OriginTimeouts.Origin(true, "app.example.com",
                443));
    }

    @Test
    void anAddressThatNeverTimedOutIsFreeToDial() {
        OriginTimeouts timeouts = new OriginTimeouts();
        timeouts.timedOut(origin("https://app.example.com/"), "GET https://app.example.com/", "no response");

        assertThat(timeouts.earlier(origin("https://api.example.com/"))).isEmpty();
    }
}
