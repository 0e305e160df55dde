package dev.smokegate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.LatencyBudget;
import dev.smokegate.model.Verdict.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyJudgeTest {

    private static final LatencyBudget BUDGET = new LatencyBudget(Duration.ofMillis(1500), Duration.ofSeconds(5));

    /** The levels are "no slower than": exactly at a level is still on its good side. */
    @ParameterizedTest
    @CsvSource({"0, PASS", "1500, PASS", "1501, WARN", "2274, WARN", "5000, WARN", "5001, FAIL", "60000, FAIL"})
    void judgesEachSideOfBothLevels(long millis, Status expected) {
        assertThat(LatencyJudge.judge("answered 200", Duration.ofMillis(millis), BUDGET, "thresholds.x").status())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1500, 1500, 1501, FAIL", "1500, 1500, 1500, PASS"})
    void failsWithoutWarningWhenBothLevelsAreOne(long warn, long fail, long took, Status expected) {
        LatencyBudget single = new LatencyBudget(Duration.ofMillis(warn), Duration.ofMillis(fail));
        assertThat(LatencyJudge.judge("x", Duration.ofMillis(took), single, "k").status()).isEqualTo(expected);
    }

    @Test
    void showsSubMillisecondTimesAndLevelsAsUnderOneMillisecondNotZero() {
        LatencyBudget tiny = new LatencyBudget(Duration.ofNanos(1), Duration.ofNanos(500));
        assertThat(LatencyJudge.judge("PING answered PONG", Duration.ofMillis(3), tiny, "thresholds.redis-latency")
                .message()).isEqualTo("PING answered PONG in 3 ms, over the latency fail level of <1 ms "
                + "(thresholds.redis-latency)");
        assertThat(LatencyJudge.judge("PING answered PONG", Duration.ofNanos(300), tiny, "k").message())
                .isEqualTo("PING answered PONG in <1 ms, slower than the warn level of <1 ms but within the fail "
                        + "level of <1 ms (k)");
    }
}
