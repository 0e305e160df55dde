package dev.smokegate.check.http;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.LatencyBudget;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.probe.http.HttpObservation;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The {@code http.*} checks, in report order. */
public final class HttpChecks {

    private HttpChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                HttpCheck.redirects(CheckSpec.gate("http.frontend.ok", Severity.CRITICAL,
                        "The frontend's page answers 2xx with HTML (directly or after redirects within its own "
                                + "origin) within the latency budget.",
                        "Check the frontend's deployment (Vercel: Deployments, the production domain's "
                                + "assignment and the function logs): a 5xx, a timeout or a TLS error here means "
                                + "users see an error page. Point frontend.path at a page that renders without a "
                                + "session if the root needs one; raise thresholds.frontend-latency only if the "
                                + "budget is wrong."),
                        config -> List.of(new Target(Target.FRONTEND,
                                config.frontend().url().resolve(config.frontend().path()).toString())),
                        (chain, config) -> FrontendLoads.judge(chain, config.thresholds().frontendLatency())),
                health(CheckSpec.gate("http.health.ok", Severity.CRITICAL,
                        "The backend health endpoint answers 2xx, reports itself healthy, within the latency budget.",
                        "Check the backend's deploy logs and replica status (Railway: Deployments > Logs); "
                                + "the health handler must answer 200 with {\"status\":\"ok\"} without waiting on "
                                + "slow dependencies. Raise thresholds.health-latency only if the budget is wrong."),
                        "backend.health-path", c -> Optional.of(c.backend().healthPath()),
                        "thresholds.health-latency", c -> c.thresholds().healthLatency()),
                health(CheckSpec.gate("http.db-path.ok", Severity.CRITICAL,
                        "The backend's database health path answers 2xx and reports the database reachable.",
                        "The backend cannot reach Postgres: check DATABASE_URL on the backend service, the "
                                + "database's status and connection limits, and sslmode; the path should run a "
                                + "trivial query (SELECT 1) with a short timeout."),
                        "backend.db-health-path", c -> c.backend().dbHealthPath(),
                        "thresholds.db-latency", c -> c.thresholds().dbLatency()),
                health(CheckSpec.gate("http.redis-path.ok", Severity.CRITICAL,
                        "The backend's Redis health path answers 2xx and reports Redis reachable.",
                        "The backend cannot reach Redis: check REDIS_URL (rediss:// for TLS) on the backend "
                                + "service, the Redis instance's status and its password; the path should PING "
                                + "with a short timeout."),
                        "backend.redis-health-path", c -> c.backend().redisHealthPath(),
                        "thresholds.redis-latency", c -> c.thresholds().redisLatency()),
                HttpCheck.get(CheckSpec.gate("http.https-redirect", Severity.HIGH,
                        "http:// on every public origin answers with a permanent (301/308) redirect to https:// "
                                + "on the same host.",
                        "Redirect plain HTTP to HTTPS on the same host with 301 or 308 (Vercel does this for "
                                + "custom domains; on Railway or a proxy, redirect when X-Forwarded-Proto is http). "
                                + "Do not jump to another host (such as www) in the first hop."),
                        HttpsRedirect::targets, (observed, config) -> HttpsRedirect.judge(observed)),
                HttpCheck.redirects(CheckSpec.gate("http.canonical-redirect", Severity.MEDIUM,
                        "Every alias origin (such as www) permanently redirects in one hop to the canonical "
                                + "origin, which answers.",
                        "Add the alias domain to the project and set it to redirect (308) to the canonical "
                                + "domain (Vercel: Settings > Domains > Redirect to), or add a redirect rule."),
                        CanonicalRedirect::targets, CanonicalRedirect::judge)
                        .withNotApplicable(config -> "no canonical.redirect-from origins configured"),
                HttpCheck.originResponse(CheckSpec.gate("http.version-leak", Severity.LOW,
                        "Server, X-Powered-By and similar headers do not reveal software versions.",
                        "Remove version banners: Next.js poweredByHeader: false in next.config.js; Express "
                                + "app.disable('x-powered-by'); nginx server_tokens off."),
                        VersionBanners::judge));
    }

    /** A health path of the backend, judged against its latency budget; skipped when the path is not configured. */
    private static ObservedCheck<HttpObservation> health(CheckSpec spec, String pathKey,
                                                     Function<EnvironmentConfig, Optional<String>> path,
                                                     String budgetKey,
                                                     Function<EnvironmentConfig, LatencyBudget> budget) {
        return HttpCheck.get(spec, config -> path.apply(config)
                        .map(p -> List.of(new Target(Target.BACKEND, config.backend().url().resolve(p).toString())))
                        .orElse(List.of()),
                (observed, config) -> HealthEndpoint.judge(observed, budget.apply(config), budgetKey))
                .withNotApplicable(config -> "no " + pathKey + " configured for the backend");
    }
}
