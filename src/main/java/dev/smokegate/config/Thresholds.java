package dev.smokegate.config;

import java.time.Duration;

/**
 * Numbers a check compares observations with. Defaults suit a web product behind a CDN and certificates that
 * renew automatically about 30 days before they expire.
 *
 * @param healthLatency      the backend health path's budget
 * @param dbLatency          the backend's database health path's budget
 * @param redisLatency       the budget of the backend's Redis health path and of Redis' own PING and pub/sub
 * @param certExpiryFailDays fail when a certificate has fewer days left than this
 * @param certExpiryWarnDays warn when it has fewer days left than this
 * @param frontendLatency    the budget for the frontend's page, redirects included: a server-rendered page on a
 *                           cold serverless function takes longer than a health endpoint
 */
public record Thresholds(LatencyBudget healthLatency, LatencyBudget dbLatency, LatencyBudget redisLatency,
                         int certExpiryFailDays, int certExpiryWarnDays, LatencyBudget frontendLatency) {

    /** Where a single-value budget fails: what no working backend path should take, well inside the read timeout. */
    static final Duration DEFAULT_FAIL = Duration.ofSeconds(5);

    public static final Thresholds DEFAULTS = new Thresholds(
            LatencyBudget.warnOver(Duration.ofMillis(1500), DEFAULT_FAIL),
            LatencyBudget.warnOver(Duration.ofMillis(2000), DEFAULT_FAIL),
            LatencyBudget.warnOver(Duration.ofMillis(1500), DEFAULT_FAIL), 14, 30,
            LatencyBudget.warnOver(Duration.ofSeconds(3), Duration.ofSeconds(8)));

    static Thresholds read(YamlNode thresholds) {
        int failDays = thresholds.days("cert-expiry-fail-days").orElse(DEFAULTS.certExpiryFailDays);
        int warnDays = thresholds.days("cert-expiry-warn-days").orElse(DEFAULTS.certExpiryWarnDays);
        if (warnDays < failDays) {
            thresholds.problem(thresholds.key("cert-expiry-warn-days"), "must not be below cert-expiry-fail-days ("
                    + failDays + ")");
        }
        return new Thresholds(budget(thresholds, "health-latency", DEFAULTS.healthLatency),
                budget(thresholds, "db-latency", DEFAULTS.dbLatency),
                budget(thresholds, "redis-latency", DEFAULTS.redisLatency), failDays, warnDays,
                budget(thresholds, "frontend-latency", DEFAULTS.frontendLatency));
    }

    private static LatencyBudget budget(YamlNode thresholds, String name, LatencyBudget defaults) {
        return LatencyBudget.read(thresholds, name, defaults).orElse(defaults);
    }
}
