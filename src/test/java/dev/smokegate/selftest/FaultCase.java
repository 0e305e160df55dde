package dev.smokegate.selftest;

import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;

/**
 * One row of the fault matrix: a fault injected into the reference deployment, and every check id that must fail
 * because of it, each with a fragment its message must contain. No other check may fail.
 */
record FaultCase(Fault fault, Map<String, String> failing) {

    static final List<FaultCase> ALL = List.of(
            new FaultCase(Fault.HEALTH_500, Map.of("http.health.ok", "expected a 2xx answer, got 500")),
            new FaultCase(Fault.HEALTH_HANGS, Map.of("http.health.ok", "no response within")),
            new FaultCase(Fault.POSTGRES_STOPPED, Map.of("http.db-path.ok", "got 503")),
            new FaultCase(Fault.REDIS_STOPPED, Map.of("http.redis-path.ok", "got 503")),
            new FaultCase(Fault.NO_HTTPS_REDIRECT, Map.of("http.https-redirect", "over plain http")),
            new FaultCase(Fault.TEMPORARY_REDIRECT, Map.of("http.https-redirect", "302, a temporary redirect")),
            new FaultCase(Fault.REDIRECT_TO_OTHER_HOST_FIRST,
                    Map.of("http.https-redirect", "redirects first to another host")),
            new FaultCase(Fault.WWW_NOT_REDIRECTING,
                    Map.of("http.canonical-redirect", "the alias serves content itself")),
            new FaultCase(Fault.VERSIONED_SERVER_BANNER,
                    Map.of("http.version-leak", "reveal software versions: Server: nginx/1.18.0")),
            new FaultCase(Fault.HSTS_MISSING, Map.of("headers.hsts.policy", "no Strict-Transport-Security header")),
            new FaultCase(Fault.HSTS_SHORT_MAX_AGE, Map.of("headers.hsts.policy", "max-age=300 is below 31536000")),
            new FaultCase(Fault.HSTS_QUOTED_MAX_AGE,
                    Map.of("headers.hsts.policy", "max-age must be plain digits, found \"\"31536000\"\"")),
            new FaultCase(Fault.HSTS_DUPLICATE_HEADER,
                    Map.of("headers.hsts.policy", "2 Strict-Transport-Security headers")),
            new FaultCase(Fault.HSTS_NO_INCLUDE_SUBDOMAINS,
                    Map.of("headers.hsts.policy", "includeSubDomains is missing")),
            new FaultCase(Fault.NO_FRAME_PROTECTION,
                    Map.of("headers.frame-protection", "neither CSP frame-ancestors nor X-Frame-Options")),
            new FaultCase(Fault.NO_NOSNIFF, Map.of("headers.nosniff", "no X-Content-Type-Options header")),
            new FaultCase(Fault.REFERRER_UNSAFE_URL, Map.of("headers.referrer-policy", "unsafe-url leaks full URLs")),
            new FaultCase(Fault.NO_PERMISSIONS_POLICY,
                    Map.of("headers.permissions-policy", "no Permissions-Policy header")));

    @Override
    public String toString() {
        return fault.name();
    }
}
