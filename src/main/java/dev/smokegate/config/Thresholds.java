package dev.smokegate.config;

import java.time.Duration;

/** Numbers a check compares observations with. Defaults suit a web product behind a CDN. */
public record Thresholds(Duration healthLatency, Duration dbLatency, Duration redisLatency) {

    public static final Thresholds DEFAULTS =
            new Thresholds(Duration.ofMillis(1500), Duration.ofMillis(2000), Duration.ofMillis(1500));
}
