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
                    Map.of("http.version-leak", "reveal software versions: Server: nginx/1.18.0")));

    @Override
    public String toString() {
        return fault.name();
    }
}
