package dev.smokegate.selftest;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.config.Thresholds;
import dev.smokegate.reference.Fault;
import dev.smokegate.reference.ReferenceDeployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the Redis fault matrix: a fault injected into the reference deployment's Redis and/or an edit of the
 * config the verifier runs with, the checks that must fail and warn (each with a fragment of its message) and the
 * checks that can no longer observe what they judge. No other check may fail, warn or break.
 */
record RedisFaultCase(String name, Optional<Fault> fault, ConfigEdit edit, Map<String, String> failing,
                      Map<String, String> warning, Set<String> broken) {

    /** The config for this row, given the healthy one and the deployment with the fault already in effect. */
    @FunctionalInterface
    interface ConfigEdit {
        EnvironmentConfig apply(EnvironmentConfig healthy, ReferenceDeployment deployment) throws Exception;
    }

    /** What needs an authenticated session, which a redis:// URL never gets. */
    private static final Set<String> NEED_CREDENTIALS = Set.of("redis.ping", "redis.pubsub.round-trip",
            "redis.eviction-policy", "redis.dangerous-commands");

    private static RedisFaultCase fault(Fault fault, Map<String, String> failing) {
        return new RedisFaultCase(fault.name(), Optional.of(fault), (config, deployment) -> config, failing, Map.of(),
                Set.of());
    }

    static final List<RedisFaultCase> ALL = List.of(
            // Redis 7 refuses the one-argument AUTH of a client that still sends the password, as the reference's
            // health path does: the app breaks too, as it would in production.
            fault(Fault.REDIS_NO_PASSWORD, Map.of("redis.auth.required",
                    "Redis answered PING without authentication (+PONG over verified TLS",
                    "http.redis-path.ok", "AUTH <password> called without any password configured")),
            // The app's REDIS_URL names the plaintext port: TLS fails, and no credentials are sent to it, so the
            // checks that need them cannot verify; a PING without credentials still finds that AUTH is required.
            new RedisFaultCase(Fault.REDIS_PLAINTEXT.name(), Optional.of(Fault.REDIS_PLAINTEXT),
                    (config, deployment) -> ReferenceEnvironment.config(deployment,
                            Map.of("REDIS_URL", deployment.plaintextRedisUrl())).newBuilder()
                            .trust(config.trust()).timeouts(config.timeouts()).connectTo(config.connectTo()).build(),
                    Map.of("redis.tls", "REDIS_URL is redis:// (plaintext) but redis.tls is required"), Map.of(),
                    NEED_CREDENTIALS),
            fault(Fault.REDIS_EVICTS_ALLKEYS, Map.of("redis.eviction-policy",
                    "maxmemory-policy is allkeys-lru: when Redis is full it evicts any key")),
            new RedisFaultCase(Fault.REDIS_APP_MAY_FLUSHALL.name(), Optional.of(Fault.REDIS_APP_MAY_FLUSHALL),
                    (config, deployment) -> config, Map.of(), Map.of("redis.dangerous-commands",
                    "the app user may run FLUSHALL (queued inside MULTI, then discarded: nothing ran)"), Set.of()),
            // A healthy Redis against a budget no network meets: the latency judgement is what fails, the health
            // path's too, which has the same budget.
            new RedisFaultCase("latency fail level of 1 ns", Optional.empty(), (config, deployment) -> config
                    .newBuilder().thresholds(withRedisLatency(config.thresholds(), new LatencyBudget(
                            Duration.ofNanos(1), Duration.ofNanos(1)))).build(),
                    Map.of("redis.ping", "over the latency fail level of <1 ms (thresholds.redis-latency)",
                            "redis.pubsub.round-trip", "over the latency fail level of <1 ms",
                            "http.redis-path.ok", "over the latency fail level of <1 ms"), Map.of(), Set.of()),
            // The same budget's warn level alone: slow but working warns, and blocks nothing.
            new RedisFaultCase("latency warn level of 1 ns", Optional.empty(), (config, deployment) -> config
                    .newBuilder().thresholds(withRedisLatency(config.thresholds(), new LatencyBudget(
                            Duration.ofNanos(1), Duration.ofMinutes(1)))).build(), Map.of(),
                    Map.of("redis.ping", "slower than the warn level of <1 ms but within the fail level of 60000 ms",
                            "redis.pubsub.round-trip", "slower than the warn level of <1 ms",
                            "http.redis-path.ok", "slower than the warn level of <1 ms"), Set.of()));

    private static Thresholds withRedisLatency(Thresholds t, LatencyBudget budget) {
        return new Thresholds(t.healthLatency(), t.dbLatency(), budget, t.certExpiryFailDays(),
                t.certExpiryWarnDays(), t.frontendLatency());
    }

    @Override
    public String toString() {
        return name;
    }
}
