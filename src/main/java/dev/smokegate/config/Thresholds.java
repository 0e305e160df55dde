package dev.smokegate.config;

import java.time.Duration;

/**
 * Numbers a check compares observations with. Defaults suit a web product behind a CDN and certificates that
 * renew automatically about 30 days before they expire.
 *
 * @param certExpiryFailDays fail when a certificate has fewer days left than this
 * @param certExpiryWarnDays warn when it has fewer days left than this
 * @param frontendLatency    the budget for the frontend's page, redirects included: a server-rendered page on a
 *                           cold serverless function takes longer than a health endpoint
 */
public record Thresholds(Duration healthLatency, Duration dbLatency, Duration redisLatency, int certExpiryFailDays,
                         int certExpiryWarnDays, Duration frontendLatency) {

    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMillis(1500), Duration.ofMillis(2000),
            Duration.ofMillis(1500), 14, 30, Duration.ofSeconds(3));

    static Thresholds read(YamlNode thresholds) {
        int failDays = thresholds.days("cert-expiry-fail-days").orElse(DEFAULTS.certExpiryFailDays);
        int warnDays = thresholds.days("cert-expiry-warn-days").orElse(DEFAULTS.certExpiryWarnDays);
        if (warnDays < failDays) {
            thresholds.problem(thresholds.key("cert-expiry-warn-days"), "must not be below cert-expiry-fail-days ("
                    + failDays + ")");
        }
        return new Thresholds(thresholds.duration("health-latency").orElse(DEFAULTS.healthLatency),
                thresholds.duration("db-latency").orElse(DEFAULTS.dbLatency),
                thresholds.duration("redis-latency").orElse(DEFAULTS.redisLatency), failDays, warnDays,
                thresholds.duration("frontend-latency").orElse(DEFAULTS.frontendLatency));
    }
}
