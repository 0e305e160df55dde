package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code redis:} section as a config file spells it (bad literal values: bad-configs.txt). */
class RedisSettingsTest {

    private static final String VALID = """
            frontend:
              url: https://app.example.com
            backend:
              url: https://api.example.com
            redis:
              url: ${REDIS_URL}
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("staging.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private EnvironmentConfig load(String redisUrl, String yaml) throws Exception {
        return new ConfigLoader(Map.of("REDIS_URL", redisUrl), id -> true).load(write(yaml));
    }

    @Test
    void defaultsRequireTlsAllowNoevictionAndVolatilePoliciesAndNameFourDangerousCommands() throws Exception {
        RedisSettings redis = load("rediss://default:pw-1234@redis.example.com:6380", VALID).redis();

        assertThat(redis.address().orElseThrow().toString()).isEqualTo("redis.example.com:6380");
        assertThat(redis.tls()).isEqualTo(RedisSettings.TlsRequirement.REQUIRED);
        assertThat(redis.allowedEvictionPolicies()).containsExactly("noeviction", "volatile-lru", "volatile-lfu",
                "volatile-random", "volatile-ttl");
        assertThat(redis.dangerousCommands()).containsExactly("FLUSHALL", "FLUSHDB", "CONFIG", "KEYS");
    }

    @Test
    void readsTlsPoliciesAndCommands() throws Exception {
        RedisSettings redis = load("redis://default:pw-1234@redis.internal:6379", VALID + """
                  tls: optional
                  allowed-eviction-policies: [noeviction]
                  dangerous-commands: [flushall, SHUTDOWN]
                """).redis();

        assertThat(redis.tls()).isEqualTo(RedisSettings.TlsRequirement.OPTIONAL);
        assertThat(redis.allowedEvictionPolicies()).containsExactly("noeviction");
        assertThat(redis.dangerousCommands()).containsExactly("FLUSHALL", "SHUTDOWN");
    }

    @Test
    void thePasswordAloneIsASecretForTheRedactor() throws Exception {
        EnvironmentConfig config = load("rediss://default:p%40ssword-1234@redis.example.com", VALID);

        assertThat(config.secretValues()).contains("rediss://default:p%40ssword-1234@redis.example.com",
                "p@ssword-1234");
    }

    @Test
    void aMalformedUrlIsOneProblemThatNamesTheVariableButNotItsValue() throws Exception {
        Path file = write(VALID);
        ConfigLoader loader = new ConfigLoader(Map.of("REDIS_URL", "https://default:hunter2-secret@redis:6379"),
                id -> true);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).isEqualTo(List.of(file + ": redis.url: REDIS_URL does not hold a Redis "
                        + "URL: the scheme must be redis:// or rediss://, not https:// (expected "
                        + "rediss://[user]:password@host:port[/db])")));
    }

    @Test
    void anUnsetVariableIsNoProblemUntilARedisCheckIsSelected() throws Exception {
        EnvironmentConfig config = new ConfigLoader(Map.of(), id -> true).load(write(VALID));

        assertThat(config.redis().address()).isEmpty();
        assertThat(ConfigLoader.unsetVariables(config, Map.of("redis.ping", java.util.Set.of("redis"))))
                .containsExactly(file() + ": redis.url: environment variable REDIS_URL is not set (needed by "
                        + "redis.ping)");
    }

    private Path file() {
        return dir.resolve("staging.yaml");
    }

    @Test
    void theBuilderMakesAGivenUrlsPasswordASecret() {
        EnvironmentConfig config = EnvironmentConfig.builder("t", java.net.URI.create("https://a.example"),
                java.net.URI.create("https://b.example")).redis(RedisSettings.of(ConfigValue.literal("redis.url",
                "rediss://default:built-secret@r.example:6379"))).build();

        assertThat(config.secretValues()).contains("built-secret");
    }
}
