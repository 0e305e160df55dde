package dev.smokegate.report;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Run reports for the reporter tests: one result per outcome, in plan order. */
final class SampleRuns {

    static final Instant STARTED = Instant.parse("2026-11-25T22:15:00.123Z");
    static final Target BACKEND = new Target("backend", "https://api.example.com");
    static final Target FRONTEND = new Target("frontend", "https://www.example.com");

    private SampleRuns() {
    }

    static CheckSpec spec(String id, Severity severity) {
        return CheckSpec.gate(id, severity, "requirement of " + id, "remediation for " + id);
    }

    static CheckResult result(String id, Target target, Outcome outcome, String message, long millis) {
        return new CheckResult(spec(id, Severity.HIGH), target, outcome, message, Duration.ofMillis(millis),
                List.of(Evidence.text("observed", message)));
    }

    /** Six results, one per outcome, across the http, tls and headers areas. */
    static RunReport everyOutcome() {
        return new RunReport("staging", Suite.GATE, Severity.INFO, STARTED, Duration.ofMillis(8123), List.of(
                new CheckResult(spec("http.health.ok", Severity.CRITICAL), BACKEND, Outcome.PASSED,
                        "200 in 85 ms", Duration.ofMillis(85), List.of()),
                result("tls.cert.expiry-horizon", BACKEND, Outcome.WARNED, "expires in 21 days (warn < 30)", 40),
                result("headers.hsts.policy", FRONTEND, Outcome.FAILED,
                        "expected max-age >= 31536000 & includeSubDomains; got \"max-age=300\" <no subdomains>", 12),
                result("tls.ocsp-stapling", FRONTEND, Outcome.BROKEN,
                        "could not verify: handshake timed out after 5 s", 5000),
                result("headers.csp.present", FRONTEND, Outcome.WAIVED,
                        "no Content-Security-Policy [waived until 2026-12-31: rollout in progress]", 3),
                result("http.redis-path.ok", Target.environment("staging"), Outcome.SKIPPED,
                        "no redis health path configured", 0)),
                List.of("waiver for tls.chain.order expired on 2026-11-01 and no longer applies"));
    }

    static RunReport allPassed() {
        return new RunReport("staging", Suite.GATE, Severity.INFO, STARTED, Duration.ofMillis(1000), List.of(
                result("http.health.ok", BACKEND, Outcome.PASSED, "200 in 85 ms", 85),
                result("headers.nosniff", FRONTEND, Outcome.PASSED, "nosniff present", 4)), List.of());
    }

    static EnvironmentConfig config(String... secrets) {
        EnvironmentConfig.Builder builder = EnvironmentConfig.builder("staging",
                URI.create("https://www.example.com"), URI.create("https://api.example.com"));
        for (String secret : secrets) {
            builder.secretValue(secret);
        }
        return builder.build();
    }
}
