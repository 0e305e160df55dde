package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectToTest {

    private final ConnectTo connectTo = new ConnectTo(List.of(
            HostMapping.parse("api.example.com:443 -> 10.0.0.1:8443").orElseThrow(),
            HostMapping.parse("api.example.com:8443 -> 10.0.0.2:9443").orElseThrow(),
            HostMapping.parse("API.example.com:443 -> 10.0.0.9:1").orElseThrow()));

    @Test
    void eachMappedPortGoesToItsOwnAddress() {
        assertThat(connectTo.dial("api.example.com", 443)).hasToString("10.0.0.1:8443");
        assertThat(connectTo.dial("api.example.com", 8443)).hasToString("10.0.0.2:9443");
    }

    @Test
    void anUnmappedPortOfAMappedHostIsDialledAsItIs() {
        ConnectTo.Address address = connectTo.dial("api.example.com", 80);

        assertThat(address).hasToString("api.example.com:80");
        assertThat(address.mapping()).isEmpty();
        assertThat(connectTo.mapsAnyPortOf("API.EXAMPLE.COM")).isTrue();
    }

    @Test
    void theFirstMatchingMappingWinsAndHostNamesIgnoreCase() {
        assertThat(connectTo.dial("Api.Example.Com", 443).mapping()).hasValueSatisfying(m ->
                assertThat(m).hasToString("api.example.com:443 -> 10.0.0.1:8443"));
    }

    @Test
    void mappingsPutAheadWinOverTheFile() {
        ConnectTo flagsFirst = connectTo.after(List.of(HostMapping.parse("api.example.com:443 -> 10.1.1.1:443")
                .orElseThrow()));

        assertThat(flagsFirst.dial("api.example.com", 443)).hasToString("10.1.1.1:443");
        assertThat(flagsFirst.dial("api.example.com", 8443)).hasToString("10.0.0.2:9443");
    }

    @Test
    void ipv6AddressesAreBracketed() {
        ConnectTo v6 = new ConnectTo(List.of(HostMapping.parse("app.example.com:443 -> [::1]:8443").orElseThrow()));

        assertThat(v6.dial("app.example.com", 443)).hasToString("[::1]:8443");
    }
}
