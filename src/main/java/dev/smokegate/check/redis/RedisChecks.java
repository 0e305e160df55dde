package dev.smokegate.check.redis;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.redis.RedisProbes;
import java.util.List;
import java.util.function.BiFunction;

/** The redis.* checks that reach Redis directly, in report order. */
public final class RedisChecks {

    private RedisChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                redis(CheckSpec.gate("redis.auth.required", Severity.CRITICAL,
                        "A connection that sends a command without AUTH gets -NOAUTH (or an ACL refusal), never "
                                + "an answer.",
                        "Require a password: requirepass, or ACL SETUSER default on >long-random-password (never "
                                + "nopass). Railway, Upstash and ElastiCache with AUTH or RBAC enabled require one "
                                + "by default; put it only in REDIS_URL."),
                        (url, config) -> RedisProbes.transport(url), RedisJudges::authRequired),
                redis(CheckSpec.gate("redis.tls", Severity.HIGH,
                        "REDIS_URL is rediss:// and its TLS handshake verifies (chain and host name); a plaintext "
                                + "PING on the same port gets no Redis answer.",
                        "Use the provider's TLS endpoint and its rediss:// URL (Upstash and ElastiCache with "
                                + "in-transit encryption serve TLS only; on Railway put a TLS proxy in front or use "
                                + "private networking and set redis.tls: optional), with a certificate naming the "
                                + "host; turn the plaintext port off (port 0, tls-port 6379)."),
                        (url, config) -> RedisProbes.transport(url), RedisJudges::tls),
                redis(CheckSpec.gate("redis.ping", Severity.CRITICAL,
                        "An authenticated PING answers PONG within thresholds.redis-latency.",
                        "Check that Redis runs and REDIS_URL's host, port and password are current (managed "
                                + "providers rotate them on re-provisioning); a slow PING means an overloaded or "
                                + "distant instance: move it to the app's region or scale it up."),
                        (url, config) -> RedisProbes.session(url, config.redis().dangerousCommands()),
                        RedisJudges::ping),
                redis(CheckSpec.gate("redis.pubsub.round-trip", Severity.HIGH,
                        "A nonce published on a fresh smokegate:<random> channel reaches a subscriber on another "
                                + "connection within thresholds.redis-latency.",
                        "Pub/sub carries the Socket.IO Redis adapter's messages between replicas: make sure the "
                                + "app user may SUBSCRIBE and PUBLISH (ACL &* or &smokegate:* plus the app's "
                                + "channels, +@pubsub) and that no proxy in front of Redis drops pub/sub (some "
                                + "serverless REST proxies do)."),
                        (url, config) -> RedisProbes.pubSub(url), RedisJudges::pubSub),
                redis(CheckSpec.gate("redis.eviction-policy", Severity.HIGH,
                        "maxmemory-policy is one of redis.allowed-eviction-policies (default noeviction and "
                                + "volatile-*), never allkeys-*.",
                        "Set maxmemory-policy noeviction (or volatile-lru if Redis doubles as a cache with TTLs): "
                                + "CONFIG SET maxmemory-policy noeviction, the ElastiCache parameter group, or the "
                                + "Upstash console's eviction setting. With allkeys-* a full Redis evicts sessions "
                                + "and the Socket.IO adapter's state."),
                        (url, config) -> RedisProbes.session(url, config.redis().dangerousCommands()),
                        RedisJudges::evictionPolicy),
                redis(CheckSpec.gate("redis.dangerous-commands", Severity.MEDIUM,
                        "The app user is denied FLUSHALL, FLUSHDB, CONFIG and KEYS (redis.dangerous-commands) by "
                                + "ACL; one it may run warns.",
                        "Give the app its own ACL user without them: ACL SETUSER app on >password ~* &* +@all "
                                + "-flushall -flushdb -config -keys (use SCAN instead of KEYS), then ACL SAVE or "
                                + "the provider's ACL/RBAC settings (ElastiCache user groups; Upstash and Railway "
                                + "accept ACL SETUSER), and put that user in REDIS_URL."),
                        (url, config) -> RedisProbes.session(url, config.redis().dangerousCommands()),
                        RedisJudges::dangerousCommands));
    }

    /** A scenario played against the Redis that {@code redis.url} names. */
    @FunctionalInterface
    private interface Scenario<O> {
        ProbeRequest<O> request(RedisUrl url, EnvironmentConfig config);
    }

    /** A requirement on the Redis that {@code redis.url} names, judged from one scenario played against it. */
    private static <O> Check<O> redis(CheckSpec spec, Scenario<O> scenario,
                                      BiFunction<O, EnvironmentConfig, Verdict> judge) {
        return ObservedCheck.of(spec, config -> config.redis().address()
                                .map(url -> List.of(new Target(Target.REDIS, url.toString()))).orElse(List.of()),
                        (target, config) -> scenario.request(config.redis().address().orElseThrow(), config), judge)
                .withNotApplicable(config -> "no redis.url is configured").alsoUsing("redis");
    }
}
