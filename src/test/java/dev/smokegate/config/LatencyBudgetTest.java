package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency budgets as config files write them: one value (the warn level) or {warn, fail}. */
class LatencyBudgetTest {

    private static final String SITES = """
            frontend: {url: https://app.example.com}
            backend: {url: https://api.example.com}
            """;

    @TempDir
    Path dir;

    private EnvironmentConfig load(String yaml) throws Exception {
        return ConfigFiles.load(dir, SITES + yaml, Map.of());
    }

    private static LatencyBudget budget(long warnMillis, long failMillis) {
        return new LatencyBudget(Duration.ofMillis(warnMillis), Duration.ofMillis(failMillis));
    }

    @Test
    void defaultsWarnAtTheOldBudgetsAndFailWellAboveThem() throws Exception {
        Thresholds t = load("").thresholds();
        assertThat(t.healthLatency()).isEqualTo(budget(1500, 5000));
        assertThat(t.dbLatency()).isEqualTo(budget(2000, 5000));
        assertThat(t.redisLatency()).isEqualTo(budget(1500, 5000));
        assertThat(t.frontendLatency()).isEqualTo(budget(3000, 8000));
        assertThat(load("").websocket().latency()).isEqualTo(budget(1500, 5000));
    }

    @Test
    void readsASingleValueAsTheWarnLevelWithTheDefaultFailLevel() throws Exception {
        assertThat(load("thresholds: {health-latency: 800ms}").thresholds().healthLatency())
                .isEqualTo(budget(800, 5000));
    }

    @Test
    void readsASingleValueAboveTheDefaultFailLevelAsBothLevels() throws Exception {
        assertThat(load("thresholds: {db-latency: 7s}").thresholds().dbLatency()).isEqualTo(budget(7000, 7000));
    }

    @Test
    void readsBothLevels() throws Exception {
        EnvironmentConfig config = load("""
                thresholds:
                  health-latency: {warn: 1500ms, fail: 5s}
                  frontend-latency: {warn: 2s, fail: 4s}
                  redis-latency: {fail: 3s}
                websocket:
                  latency: {warn: 300ms, fail: 1s}
                """);
        assertThat(config.thresholds().healthLatency()).isEqualTo(budget(1500, 5000));
        assertThat(config.thresholds().frontendLatency()).isEqualTo(budget(2000, 4000));
        assertThat(config.thresholds().redisLatency()).isEqualTo(budget(1500, 3000));
        assertThat(config.websocket().latency()).isEqualTo(budget(300, 1000));
    }

    @Test
    void refusesAFailLevelBelowTheWarnLevel() {
        assertThatThrownBy(() -> load("thresholds: {health-latency: {warn: 2s, fail: 1s}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("thresholds.health-latency.fail: must not be below warn (2000 ms)");
    }

    @Test
    void refusesAnUnknownLevelAndABadDuration() {
        assertThatThrownBy(() -> load("thresholds: {health-latency: {warn: 2s, failure: 5s}, db-latency: soon}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("thresholds.health-latency.failure: unknown key; known keys here: fail, warn")
                .hasMessageContaining("thresholds.db-latency: expected a positive duration");
    }
}
