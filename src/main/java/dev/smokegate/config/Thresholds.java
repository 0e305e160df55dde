package dev.smokegate.config;

import java.time.Duration;

/**
 * Numbers a check compares observations with. Defaults suit a web product behind a CDN and certificates that
 * renew automatically about 30 days before they expire.
 *
 * @param certExpiryFailDays fail when a certificate has fewer days left than this
 * @param certExpiryWarnDays warn when it has fewer days left than this
 */
public record Thresholds(Duration healthLatency, Duration dbLatency, Duration redisLatency, int certExpiryFailDays,
                         int certExpiryWarnDays) {

    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMillis(1500), Duration.ofMillis(2000),
            Duration.ofMillis(1500), 14, 30);
}
