package dev.smokegate.check.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RedisSettings;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.config.Thresholds;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.redis.PlaintextAnswer;
import dev.smokegate.probe.redis.RedisFailure;
import dev.smokegate.probe.redis.RedisPubSubObservation;
import dev.smokegate.probe.redis.RedisSessionObservation;
import dev.smokegate.probe.redis.RedisSessionObservation.Ping;
import dev.smokegate.probe.redis.RedisSessionObservation.QueuedCommand;
import dev.smokegate.probe.redis.RedisTransportObservation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisJudgesTest {

    private static final String WHERE = "redis.example.com:6380";
    private static final PlaintextAnswer TLS_PORT_CLOSED =
            new PlaintextAnswer(Optional.empty(), WHERE + " closed the connection without answering");
    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("t", URI.create("https://a.example"),
            URI.create("https://b.example")).redis(RedisSettings.of(ConfigValue.literal("redis.url",
            "rediss://default:pw@redis.example.com:6380"))).build();

    private static RedisTransportObservation verified(String unauthenticated) {
        return new RedisTransportObservation(WHERE, true, TLS_PORT_CLOSED, Optional.empty(), Optional.of("TLSv1.3"),
                Optional.of(unauthenticated));
    }

    private static RedisSessionObservation session(String policy, List<QueuedCommand> queued) {
        return new RedisSessionObservation(WHERE, false, Optional.empty(),
                Optional.of(new Ping("PONG", Duration.ofMillis(3))), Optional.of(policy), queued, Optional.empty());
    }

    private static QueuedCommand queued(String command, String reply) {
        return new QueuedCommand(command, command + " smokegate-never-runs", reply);
    }

    private static final RedisSessionObservation WITHHELD = new RedisSessionObservation(WHERE, true,
            Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    @Test
    void authRequiredPassesOnNoauthAndFailsOnPong() {
        assertThat(RedisJudges.authRequired(verified("-NOAUTH Authentication required."), CONFIG).status())
                .isEqualTo(Status.PASS);
        Verdict open = RedisJudges.authRequired(verified("+PONG"), CONFIG);
        assertThat(open.status()).isEqualTo(Status.FAIL);
        assertThat(open.message()).startsWith("Redis answered PING without authentication");
    }

    @Test
    void authRequiredCannotVerifyWithoutAVerifiedConnection() {
        RedisTransportObservation untrusted = new RedisTransportObservation(WHERE, true, TLS_PORT_CLOSED,
                Optional.of(new RedisFailure(RedisFailure.Kind.TLS, "TLS handshake with " + WHERE + " failed: "
                        + "No subject alternative names matching")), Optional.empty(), Optional.empty());

        assertThat(RedisJudges.authRequired(untrusted, CONFIG).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void authRequiredAsksOverPlaintextWhenTheAppDoesWithoutSendingCredentials() {
        RedisTransportObservation plaintext = new RedisTransportObservation(WHERE, false,
                new PlaintextAnswer(Optional.of("+PONG"), WHERE + " answered +PONG"), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(RedisJudges.authRequired(plaintext, CONFIG).message()).contains("over plaintext");
    }

    @Test
    void tlsFailsForARedisUrlUnlessTlsIsOptional() {
        RedisTransportObservation plaintext = new RedisTransportObservation(WHERE, false,
                new PlaintextAnswer(Optional.of("-NOAUTH Authentication required."), WHERE + " answered -NOAUTH"),
                Optional.empty(), Optional.empty(), Optional.empty());
        RedisSettings redis = CONFIG.redis();
        EnvironmentConfig optional = CONFIG.newBuilder().redis(new RedisSettings(redis.url(), redis.address(),
                RedisSettings.TlsRequirement.OPTIONAL, redis.allowedEvictionPolicies(), redis.dangerousCommands()))
                .build();

        assertThat(RedisJudges.tls(plaintext, CONFIG).message())
                .startsWith("REDIS_URL is redis:// (plaintext) but redis.tls is required");
        assertThat(RedisJudges.tls(plaintext, optional).status()).isEqualTo(Status.PASS);
    }

    @Test
    void tlsFailsOnAnUnverifiedHandshakeOrAPlaintextAnswerOnTheTlsPort() {
        RedisTransportObservation wrongName = new RedisTransportObservation(WHERE, true, TLS_PORT_CLOSED,
                Optional.of(new RedisFailure(RedisFailure.Kind.TLS, "TLS handshake with " + WHERE + " failed: x")),
                Optional.empty(), Optional.empty());
        RedisTransportObservation bilingual = new RedisTransportObservation(WHERE, true,
                new PlaintextAnswer(Optional.of("-NOAUTH Authentication required."), WHERE + " answered -NOAUTH"),
                Optional.empty(), Optional.of("TLSv1.3"), Optional.of("-NOAUTH Authentication required."));

        assertThat(RedisJudges.tls(wrongName, CONFIG).message()).isEqualTo("TLS handshake with " + WHERE
                + " failed: x (no credentials were sent)");
        assertThat(RedisJudges.tls(bilingual, CONFIG).message()).startsWith("the TLS port also speaks plaintext");
        assertThat(RedisJudges.tls(verified("-NOAUTH"), CONFIG).status()).isEqualTo(Status.PASS);
    }

    @Test
    void tlsCannotVerifyAnUnreachableRedis() {
        RedisTransportObservation down = new RedisTransportObservation(WHERE, true, TLS_PORT_CLOSED,
                Optional.of(new RedisFailure(RedisFailure.Kind.UNREACHABLE, "connection refused by " + WHERE)),
                Optional.empty(), Optional.empty());

        assertThat(RedisJudges.tls(down, CONFIG).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void latencyIsJudgedAgainstTheRedisBudget() {
        Thresholds d = Thresholds.DEFAULTS;
        EnvironmentConfig tight = CONFIG.newBuilder().thresholds(new Thresholds(d.healthLatency(), d.dbLatency(),
                new LatencyBudget(Duration.ofMillis(1), Duration.ofMillis(2)), 14, 30, d.frontendLatency())).build();
        EnvironmentConfig slowing = CONFIG.newBuilder().thresholds(new Thresholds(d.healthLatency(), d.dbLatency(),
                new LatencyBudget(Duration.ofMillis(2), Duration.ofMillis(5)), 14, 30, d.frontendLatency())).build();

        assertThat(RedisJudges.ping(session("noeviction", List.of()), CONFIG).message())
                .isEqualTo("PING answered PONG in 3 ms (warn over 1500 ms, fail over 5000 ms)");
        assertThat(RedisJudges.ping(session("noeviction", List.of()), slowing).message())
                .isEqualTo("PING answered PONG in 3 ms, slower than the warn level of 2 ms but within the fail level "
                        + "of 5 ms (thresholds.redis-latency)");
        assertThat(RedisJudges.ping(session("noeviction", List.of()), tight).message())
                .isEqualTo("PING answered PONG in 3 ms, over the latency fail level of 2 ms (thresholds.redis-latency)");
    }

    @Test
    void checksThatNeedToLogInCannotVerifyWhenCredentialsAreWithheld() {
        assertThat(List.of(RedisJudges.ping(WITHHELD, CONFIG), RedisJudges.evictionPolicy(WITHHELD, CONFIG),
                RedisJudges.dangerousCommands(WITHHELD, CONFIG))).allSatisfy(v -> {
                    assertThat(v.status()).isEqualTo(Status.INCONCLUSIVE);
                    assertThat(v.message()).contains("the credentials were withheld");
                });
        RedisPubSubObservation pubSub = new RedisPubSubObservation(WHERE, true, Optional.empty(), "smokegate:x",
                Optional.empty(), Duration.ofSeconds(5));
        assertThat(RedisJudges.pubSub(pubSub, CONFIG).message()).contains("the credentials were withheld");
    }

    @Test
    void pubSubFailsWhenTheNonceNeverArrives() {
        RedisPubSubObservation lost = new RedisPubSubObservation(WHERE, false, Optional.empty(), "smokegate:x",
                Optional.empty(), Duration.ofSeconds(5));

        assertThat(RedisJudges.pubSub(lost, CONFIG).message())
                .startsWith("the nonce published on smokegate:x never reached the subscriber within 5000 ms");
    }

    @Test
    void evictionFailsForAllkeysPoliciesAndPoliciesOutsideTheList() {
        assertThat(RedisJudges.evictionPolicy(session("volatile-lru", List.of()), CONFIG).status())
                .isEqualTo(Status.PASS);
        assertThat(RedisJudges.evictionPolicy(session("allkeys-lfu", List.of()), CONFIG).message())
                .startsWith("maxmemory-policy is allkeys-lfu: when Redis is full it evicts any key");
        EnvironmentConfig strict = CONFIG.newBuilder().redis(new RedisSettings(CONFIG.redis().url(),
                CONFIG.redis().address(), RedisSettings.TlsRequirement.REQUIRED, List.of("noeviction"),
                RedisSettings.DEFAULT_DANGEROUS_COMMANDS)).build();
        assertThat(RedisJudges.evictionPolicy(session("volatile-lru", List.of()), strict).message())
                .isEqualTo("maxmemory-policy is volatile-lru, not one of redis.allowed-eviction-policies "
                        + "(noeviction)");
    }

    @Test
    void evictionCannotVerifyWhatInfoDoesNotSay() {
        RedisSessionObservation hidden = new RedisSessionObservation(WHERE, false, Optional.empty(),
                Optional.of(new Ping("PONG", Duration.ofMillis(3))), Optional.empty(), List.of(), Optional.empty());

        assertThat(RedisJudges.evictionPolicy(hidden, CONFIG).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void dangerousCommandsWarnListingEveryAllowedOne() {
        Verdict verdict = RedisJudges.dangerousCommands(session("noeviction", List.of(queued("FLUSHALL", "QUEUED"),
                queued("FLUSHDB", "NOPERM this user has no permissions to run the 'flushdb' command"),
                queued("CONFIG", "ERR unknown command 'CONFIG', with args beginning with: 'SET'"),
                queued("KEYS", "QUEUED"))), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).startsWith("the app user may run FLUSHALL, KEYS (queued inside MULTI, then "
                + "discarded: nothing ran)");
    }

    @Test
    void dangerousCommandsPassWhenEachIsDeniedOrUnavailable() {
        Verdict verdict = RedisJudges.dangerousCommands(session("noeviction", List.of(
                queued("FLUSHALL", "NOPERM this user has no permissions to run the 'flushall' command"),
                queued("CONFIG", "ERR unknown command 'CONFIG', with args beginning with: 'SET'"))), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).isEqualTo("the app user is denied FLUSHALL, CONFIG (not available) (tested "
                + "inside MULTI, then discarded)");
    }

    @Test
    void dangerousCommandsCannotVerifyAnAnswerThatIsNeitherQueuedNorRefused() {
        Verdict verdict = RedisJudges.dangerousCommands(session("noeviction", List.of(
                queued("DEBUG", "ERR unknown subcommand 'smokegate-never-runs'"))), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
    }
}
