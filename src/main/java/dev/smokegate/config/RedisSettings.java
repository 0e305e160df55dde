package dev.smokegate.config;

import java.util.Optional;

/** How the {@code redis.*} checks reach Redis directly: {@code redis.url}, a {@code ${REDIS_URL}} reference. */
public record RedisSettings(Optional<ConfigValue> url) {

    public static final RedisSettings NONE = new RedisSettings(Optional.empty());

    static RedisSettings read(YamlNode redis) {
        return new RedisSettings(redis.credentialReference("url"));
    }
}
