package dev.smokegate.probe.redis;

import java.time.Duration;
import java.util.Optional;

/**
 * A nonce published on a fresh channel from one connection to another that subscribed to it.
 *
 * @param channel   {@code smokegate:<random>}, used by no one else
 * @param delivered how long the nonce took from PUBLISH to the subscriber; empty when it never came
 * @param waited    how long the subscriber waited for it
 */
public record RedisPubSubObservation(String where, boolean credentialsWithheld, Optional<RedisFailure> failure,
                                     String channel, Optional<Duration> delivered, Duration waited) {
}
