package dev.smokegate.config;

import java.net.URI;
import java.util.Optional;

/**
 * The public backend origin and the health paths behind it.
 *
 * @param healthPath      liveness, {@code /health} unless configured
 * @param dbHealthPath    a path that runs a trivial query against Postgres; empty skips {@code http.db-path.ok}
 * @param redisHealthPath a path that PINGs Redis; empty skips {@code http.redis-path.ok}
 */
public record Backend(URI url, String healthPath, Optional<String> dbHealthPath, Optional<String> redisHealthPath) {

    static final String DEFAULT_HEALTH_PATH = "/health";

    /** Stands in while a config with a missing backend section is read to its end, so every problem is found. */
    static final Backend MISSING = at(URI.create("https://backend.invalid"));

    /** A backend at {@code url} with only the default liveness path. */
    public static Backend at(URI url) {
        return new Backend(url, DEFAULT_HEALTH_PATH, Optional.empty(), Optional.empty());
    }

    static Backend read(YamlNode backend) {
        URI url = backend.url("url", true).orElse(MISSING.url);
        return new Backend(url, backend.path("health-path").orElse(DEFAULT_HEALTH_PATH),
                backend.path("db-health-path"), backend.path("redis-health-path"));
    }
}
