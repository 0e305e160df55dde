package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every Redis check can fail: the {@code redis.*} checks (and the app's Redis health path, which no
 * Redis fault but a stopped Redis may break) run through the JUnit Platform against the reference deployment's real
 * Redis, healthy and once per fault. {@code REDIS_STOPPED}'s row is in {@link FaultCase}.
 */
@ExternalProcesses
class RedisFaultMatrixTest extends OnReferenceDeployment {

    private static final Selection REDIS = new Selection(Suite.FULL, List.of("redis.*", "http.redis-path.ok"));

    @Test
    void healthyRedisPassesEveryCheck() throws Exception {
        SuiteRun run = SuiteRun.of(config, REDIS);

        assertThat(run.failed()).isEmpty();
        assertThat(run.warned()).isEmpty();
        assertThat(run.withOutcome(Outcome.PASSED)).containsOnlyKeys("redis.auth.required", "redis.tls",
                "redis.ping", "redis.pubsub.round-trip", "redis.eviction-policy", "redis.dangerous-commands",
                "http.redis-path.ok");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.RedisFaultCase#ALL")
    void faultFailsExactlyItsChecks(RedisFaultCase fault) throws Exception {
        fault.fault().ifPresent(deployment::inject);

        SuiteRun run = SuiteRun.of(fault.edit().apply(config, deployment), REDIS);
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);
        Map<String, String> warned = run.warned();

        assertThat(run.withOutcome(Outcome.BROKEN).keySet()).as("broken checks: " + run.withOutcome(Outcome.BROKEN))
                .containsExactlyInAnyOrderElementsOf(fault.broken());
        assertThat(run.withOutcome(Outcome.SKIPPED)).as("skipped checks").isEmpty();
        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        assertThat(warned.keySet()).as("warning checks: " + warned)
                .containsExactlyInAnyOrderElementsOf(fault.warning().keySet());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
        fault.warning().forEach((id, fragment) -> assertThat(warned.get(id)).as(id).contains(fragment));
    }
}
