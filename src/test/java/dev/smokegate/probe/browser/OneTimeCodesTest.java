package dev.smokegate.probe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final List<Duration> slept = new ArrayList<>();
    private Instant now = Instant.ofEpochSecond(1_111_111_111); // 1 s into its step

    private OneTimeCodes codes() {
        return new OneTimeCodes(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        }, duration -> {
            slept.add(duration);
            now = now.plus(duration);
        });
    }

    @BeforeEach
    void forget() {
        OneTimeCodes.forgetAll();
    }

    @Test
    void givesTheCurrentStepsCodeAtOnce() throws Exception {
        assertThat(codes().next(RFC_SEED, now.plusSeconds(60))).contains("050471");
        assertThat(slept).isEmpty();
    }

    @Test
    void waitsForTheNextStepRatherThanReuseACode() throws Exception {
        OneTimeCodes codes = codes();
        String first = codes.next(RFC_SEED, now.plusSeconds(60)).orElseThrow();

        Optional<String> second = codes.next(RFC_SEED, now.plusSeconds(60));

        assertThat(second).isPresent().get().isNotEqualTo(first)
                .isEqualTo(Totp.ofBase32(RFC_SEED).code(Totp.step(Instant.ofEpochSecond(1_111_111_111)) + 1));
        assertThat(slept).hasSize(1);
        assertThat(slept.get(0)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
    }

    @Test
    void remembersTheStepAcrossInstancesInTheJvm() throws Exception {
        codes().next(RFC_SEED, now.plusSeconds(60));

        codes().next("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", now.plusSeconds(60));

        assertThat(slept).as("the same secret written differently is the same account").hasSize(1);
    }

    @Test
    void givesUpRatherThanWaitPastTheLimit() throws Exception {
        OneTimeCodes codes = codes();
        codes.next(RFC_SEED, now.plusSeconds(60));

        assertThat(codes.next(RFC_SEED, now.plusSeconds(5))).isEmpty();
        assertThat(slept).isEmpty();
    }

    @Test
    void otherSecretsDoNotWait() throws Exception {
        OneTimeCodes codes = codes();
        codes.next(RFC_SEED, now.plusSeconds(60));

        assertThat(codes.next("JBSWY3DPEHPK3PXP", now.plusSeconds(60))).isPresent();
        assertThat(slept).isEmpty();
    }
}
