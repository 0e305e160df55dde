package dev.smokegate.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the {@code redis.*} checks reach Redis directly, and what they expect of it.
 *
 * @param url                      {@code redis.url}, a {@code ${REDIS_URL}} reference
 * @param address                  the URL's parts, when it is set and well-formed
 * @param tls                      {@code redis.tls}: whether a plaintext {@code redis://} URL fails
 * @param allowedEvictionPolicies  {@code redis.allowed-eviction-policies}: the maxmemory-policy values that keep
 *                                 sessions and keys without a TTL
 * @param dangerousCommands        {@code redis.dangerous-commands}: what the app user must not be allowed to run,
 *                                 upper case
 */
public record RedisSettings(Optional<ConfigValue> url, Optional<RedisUrl> address, TlsRequirement tls,
                            List<String> allowedEvictionPolicies, List<String> dangerousCommands) {

    /** {@code redis.tls}. */
    public enum TlsRequirement {
        /** {@code required}, the default: REDIS_URL must be rediss://. */
        REQUIRED,
        /** {@code optional}: a private network carries plaintext Redis; credentials are still withheld from it. */
        OPTIONAL;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** noeviction and the volatile-* policies: only keys with a TTL (caches) may go, never sessions or state. */
    public static final List<String> DEFAULT_ALLOWED_EVICTION_POLICIES = List.of("noeviction", "volatile-lru",
            "volatile-lfu", "volatile-random", "volatile-ttl");
    public static final List<String> DEFAULT_DANGEROUS_COMMANDS = List.of("FLUSHALL", "FLUSHDB", "CONFIG", "KEYS");
    public static final RedisSettings NONE = new RedisSettings(Optional.empty(), Optional.empty(),
            TlsRequirement.REQUIRED, DEFAULT_ALLOWED_EVICTION_POLICIES, DEFAULT_DANGEROUS_COMMANDS);

    private static final Pattern POLICY = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    public RedisSettings {
        allowedEvictionPolicies = List.copyOf(allowedEvictionPolicies);
        dangerousCommands = List.copyOf(dangerousCommands);
    }

    /**
     * Settings for a URL given directly rather than read from a file, with the defaults; {@code
     * EnvironmentConfig.Builder#redis} makes its password a secret of the config.
     */
    public static RedisSettings of(ConfigValue url) {
        return new RedisSettings(Optional.of(url), RedisUrl.parse(url.value()).url(), NONE.tls,
                NONE.allowedEvictionPolicies, NONE.dangerousCommands);
    }

    static RedisSettings read(YamlNode redis) {
        Optional<ConfigValue> url = redis.credentialReference("url");
        // A literal is reported as such; an unset variable only when a redis check is selected.
        Optional<RedisUrl> address = url.filter(value -> value.resolved() && !value.variables().isEmpty())
                .flatMap(value -> address(redis, value));
        TlsRequirement tls = redis.parsed("tls", text -> Arrays.stream(TlsRequirement.values())
                        .filter(r -> r.configName().equals(text.trim())).findFirst(),
                "expected required or optional").orElse(TlsRequirement.REQUIRED);
        List<String> policies = redis.tokens("allowed-eviction-policies", POLICY,
                "a maxmemory-policy such as volatile-lru");
        List<String> commands = redis.tokens("dangerous-commands", COMMAND, "a Redis command name such as FLUSHALL")
                .stream().map(c -> c.toUpperCase(Locale.ROOT)).distinct().toList();
        return new RedisSettings(url, address, tls, policies.isEmpty() ? DEFAULT_ALLOWED_EVICTION_POLICIES : policies,
                commands.isEmpty() ? DEFAULT_DANGEROUS_COMMANDS : commands);
    }

    /** The parsed URL; a malformed one is one problem that names the variable but never quotes its value. */
    private static Optional<RedisUrl> address(YamlNode redis, ConfigValue value) {
        RedisUrl.Parsed parsed = RedisUrl.parse(value.value());
        parsed.problem().ifPresent(why -> redis.problem(value.key(), String.join(", ", value.variables().stream()
                .sorted().toList()) + " does not hold a Redis URL: " + why + " (expected " + RedisUrl.FORM + ")"));
        // The password alone is a secret too: an error message or a log line may carry it without the URL around it.
        parsed.url().flatMap(RedisUrl::password).ifPresent(password -> redis.context().secretValues().add(password));
        return parsed.url();
    }
}
