package dev.smokegate.check.redis;

import dev.smokegate.check.LatencyJudge;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RedisSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.redis.RedisFailure;
import dev.smokegate.probe.redis.RedisPubSubObservation;
import dev.smokegate.probe.redis.RedisSessionObservation;
import dev.smokegate.probe.redis.RedisSessionObservation.QueuedCommand;
import dev.smokegate.probe.redis.RedisTransportObservation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Judges of the Redis scenarios. */
final class RedisJudges {

    /** Why a check that needs to log in could not, for a plaintext URL. */
    private static final String WITHHELD = "REDIS_URL is redis:// (plaintext), so the credentials were withheld: "
            + "smokegate sends them only over verified TLS";

    private RedisJudges() {
    }

    static Verdict authRequired(RedisTransportObservation observed, EnvironmentConfig config) {
        Optional<String> reply;
        String over;
        if (observed.tls()) {
            if (observed.tlsFailure().isPresent()) {
                return Verdict.inconclusive("no verified TLS connection to ask over: "
                        + observed.tlsFailure().get().description());
            }
            reply = observed.unauthenticated();
            over = "over verified TLS";
        } else {
            // A plaintext PING carries no credentials, and the app itself talks plaintext to this port.
            reply = observed.plaintext().redisReply();
            over = "over plaintext (REDIS_URL is redis://)";
            if (reply.isEmpty()) {
                return Verdict.inconclusive("no Redis answer to ask: " + observed.plaintext().description());
            }
        }
        String answer = reply.orElseThrow();
        if (answer.equals("+PONG")) {
            return Verdict.fail("Redis answered PING without authentication (+PONG " + over + " from "
                    + observed.where() + "): anyone who reaches the port can read and delete every session");
        }
        if (refusesUnauthenticated(answer)) {
            return Verdict.pass("PING without AUTH " + over + " got " + answer);
        }
        return Verdict.inconclusive("PING without AUTH " + over + " got an unexpected answer: " + answer);
    }

    static Verdict tls(RedisTransportObservation observed, EnvironmentConfig config) {
        RedisSettings settings = config.redis();
        if (!observed.tls()) {
            String plaintext = "a plaintext PING: " + observed.plaintext().description();
            return settings.tls() == RedisSettings.TlsRequirement.REQUIRED
                    ? Verdict.fail("REDIS_URL is redis:// (plaintext) but redis.tls is required: the password "
                    + "and every session would cross the network in clear; use the rediss:// URL (" + plaintext + ")")
                    : Verdict.pass("REDIS_URL is redis:// and redis.tls is optional, so plaintext is accepted; "
                    + "credentials are withheld from it (" + plaintext + ")");
        }
        if (observed.tlsFailure().isPresent()) {
            RedisFailure failure = observed.tlsFailure().get();
            return failure.kind() == RedisFailure.Kind.TLS
                    ? Verdict.fail(failure.description() + " (no credentials were sent)")
                    : Verdict.inconclusive("no TLS handshake to judge: " + failure.description());
        }
        if (observed.plaintext().redisReply().isPresent()) {
            return Verdict.fail("the TLS port also speaks plaintext Redis: " + observed.plaintext().description()
                    + "; a client that forgets TLS sends its password in clear");
        }
        return Verdict.pass(observed.tlsProtocol().orElse("TLS") + " handshake with " + observed.where()
                + " verified (chain and host name); a plaintext PING got no Redis answer ("
                + observed.plaintext().description() + ")");
    }

    static Verdict ping(RedisSessionObservation observed, EnvironmentConfig config) {
        if (observed.credentialsWithheld()) {
            return Verdict.inconclusive(WITHHELD + "; no authenticated PING was attempted");
        }
        if (observed.ping().isEmpty()) {
            return Verdict.fail("no authenticated PING: " + observed.failure().map(RedisFailure::description)
                    .orElse("no answer"));
        }
        RedisSessionObservation.Ping ping = observed.ping().get();
        if (!ping.reply().equals("PONG")) {
            return Verdict.fail("PING was answered " + ping.reply() + " instead of PONG");
        }
        return latency("PING answered PONG", ping.latency(), config);
    }

    static Verdict pubSub(RedisPubSubObservation observed, EnvironmentConfig config) {
        if (observed.credentialsWithheld()) {
            return Verdict.inconclusive(WITHHELD + "; no subscription was attempted");
        }
        if (observed.failure().isPresent()) {
            return Verdict.fail("no pub/sub round trip on " + observed.channel() + ": "
                    + observed.failure().get().description());
        }
        return observed.delivered()
                .map(took -> latency("the nonce published on " + observed.channel() + " reached the subscriber",
                        took, config))
                .orElseGet(() -> Verdict.fail("the nonce published on " + observed.channel() + " never reached "
                        + "the subscriber within " + observed.waited().toMillis() + " ms: pub/sub does not deliver, "
                        + "so Socket.IO replicas sharing rooms through Redis would not hear each other"));
    }

    static Verdict evictionPolicy(RedisSessionObservation observed, EnvironmentConfig config) {
        if (observed.maxmemoryPolicy().isEmpty()) {
            return unobserved(observed, "read maxmemory-policy").orElse(Verdict.inconclusive(
                    "INFO memory names no maxmemory_policy (a proxy that hides it?)"));
        }
        String policy = observed.maxmemoryPolicy().get();
        List<String> allowed = config.redis().allowedEvictionPolicies();
        if (allowed.contains(policy.toLowerCase(Locale.ROOT))) {
            return Verdict.pass("maxmemory-policy is " + policy);
        }
        if (policy.startsWith("allkeys-")) {
            return Verdict.fail("maxmemory-policy is " + policy + ": when Redis is full it evicts any key, TTL or "
                    + "not, so sessions (users get logged out) and the Socket.IO adapter's state are evicted along "
                    + "with cache keys; use noeviction or a volatile-* policy");
        }
        return Verdict.fail("maxmemory-policy is " + policy + ", not one of redis.allowed-eviction-policies ("
                + String.join(", ", allowed) + ")");
    }

    static Verdict dangerousCommands(RedisSessionObservation observed, EnvironmentConfig config) {
        Optional<Verdict> unobserved = unobserved(observed, "queue commands");
        if (unobserved.isPresent()) {
            return unobserved.get();
        }
        if (observed.transactionProblem().isPresent()) {
            return Verdict.inconclusive("could not queue commands to test them: "
                    + observed.transactionProblem().get());
        }
        List<QueuedCommand> allowed = observed.queued().stream().filter(QueuedCommand::allowed).toList();
        List<QueuedCommand> unknown = observed.queued().stream()
                .filter(c -> !c.allowed() && !c.denied() && !c.unavailable()).toList();
        if (!allowed.isEmpty()) {
            return Verdict.warn("the app user may run " + String.join(", ", allowed.stream()
                    .map(QueuedCommand::command).toList()) + " (queued inside MULTI, then discarded: nothing ran); "
                    + "deny them by ACL so a bug or an injected command cannot wipe or reconfigure Redis");
        }
        if (!unknown.isEmpty()) {
            return Verdict.inconclusive("could not tell whether the app user may run " + String.join(", ",
                    unknown.stream().map(c -> c.command() + " (" + c.reply() + ")").toList()));
        }
        return Verdict.pass("the app user is denied " + String.join(", ", observed.queued().stream()
                .map(c -> c.command() + (c.unavailable() ? " (not available)" : "")).toList())
                + " (tested inside MULTI, then discarded)");
    }

    /** The one place a Redis latency is judged against thresholds.redis-latency. */
    static Verdict latency(String what, Duration took, EnvironmentConfig config) {
        return LatencyJudge.judge(what, took, config.thresholds().redisLatency(), "thresholds.redis-latency");
    }

    private static Optional<Verdict> unobserved(RedisSessionObservation observed, String what) {
        if (observed.credentialsWithheld()) {
            return Optional.of(Verdict.inconclusive(WITHHELD + ", so nothing could " + what));
        }
        return observed.failure().map(f -> Verdict.inconclusive("could not " + what + ": " + f.description()));
    }

    /** -NOAUTH, an ACL refusal, or a proxy's own "authentication required". */
    private static boolean refusesUnauthenticated(String reply) {
        String lower = reply.toLowerCase(Locale.ROOT);
        return reply.startsWith("-NOAUTH") || reply.startsWith("-NOPERM") || reply.startsWith("-WRONGPASS")
                || reply.startsWith("-") && lower.contains("auth");
    }
}
