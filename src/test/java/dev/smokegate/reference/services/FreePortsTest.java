package dev.smokegate.reference.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aPortTakenBeforeTheBindIsALostRaceInEachServersWords() {
        assertThat(FreePorts.lostRace(new IOException("pg_ctl failed\nserver log: LOG:  could not bind IPv4 address "
                + "\"127.0.0.1\": Address already in use"))).isTrue();
        assertThat(FreePorts.lostRace(new IOException("Redis exited with code 1 during start; Warning: Could not "
                + "create server TLS listening socket 127.0.0.1:40123: bind: Address already in use"))).isTrue();
        assertThat(FreePorts.lostRace(new IOException("nginx exited with code 1 during start; bind() to "
                + "127.0.0.1:40123 failed (98: Address already in use)"))).isTrue();
    }

    @Test
    void anyOtherFailedStartIsNotRetried() {
        assertThat(FreePorts.lostRace(new IOException("FATAL:  could not load server certificate file"))).isFalse();
        assertThat(FreePorts.lostRace(new IOException((String) null))).isFalse();
    }
}
