package dev.smokegate.check.headers;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.check.http.HttpCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.probe.http.HttpProbes;
import dev.smokegate.probe.http.PreloadObservation;
import java.util.List;
import java.util.Optional;

/** The {@code headers.*} checks, in report order. */
public final class HeaderChecks {

    private HeaderChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                HttpCheck.originResponse(CheckSpec.gate("headers.hsts.policy", Severity.HIGH,
                        "HTTPS responses carry exactly one Strict-Transport-Security header that browsers accept "
                                + "(RFC 6797) with max-age >= the configured minimum and includeSubDomains when "
                                + "required; directives browsers ignore warn.",
                        "Send Strict-Transport-Security: max-age=31536000; includeSubDomains; preload (Vercel: "
                                + "headers in vercel.json or next.config.js; Node: helmet's hsts) from one place "
                                + "only, so proxies and the app do not both add it."),
                        SecurityHeaderJudges::hsts),
                preloadReady(CheckSpec.nightly("headers.hsts.preload-ready", Severity.MEDIUM,
                        "The registrable domain meets the hstspreload.org submission rules: one HSTS header with "
                                + "max-age >= 1 year, includeSubDomains and preload; http:// redirects first to "
                                + "https:// on the same host; no plain-http hop; at most 3 redirects; www serves "
                                + "valid HTTPS if it exists.",
                        "On the apex, redirect http://example.com to https://example.com first (Vercel does this "
                                + "for every domain of a project), send Strict-Transport-Security: max-age=63072000; "
                                + "includeSubDomains; preload on that response and on the redirect to the app, and "
                                + "make sure every subdomain, www included, serves HTTPS before submitting at "
                                + "https://hstspreload.org.")),
                HttpCheck.originResponse(CheckSpec.gate("headers.csp.present", Severity.HIGH,
                        "An enforced Content-Security-Policy header is sent (Report-Only alone does not count).",
                        "Send Content-Security-Policy as a response header (vercel.json / next.config.js headers, "
                                + "helmet's contentSecurityPolicy); keep Report-Only only for trying changes."),
                        CspJudges::present),
                HttpCheck.originResponse(CheckSpec.gate("headers.csp.script-safe", Severity.HIGH,
                        "As a CSP Level 3 browser enforces the policy (script-src-elem and script-src-attr "
                                + "falling back to script-src, then default-src; a script must pass every enforced "
                                + "policy): no 'unsafe-inline' unless a nonce, hash or 'strict-dynamic' switches it "
                                + "off; no source admitting any host (*, https://*, *:*, http:, https:, a wildcard "
                                + "over a public suffix) or data:; no allow-listed host known to serve JSONP or "
                                + "AngularJS unless 'strict-dynamic' makes the allow-list ignored. 'unsafe-eval', "
                                + "plain-http sources and nonces under 128 bits warn.",
                        "Use a nonce-based policy: script-src 'nonce-{random}' 'strict-dynamic' with 16 or more "
                                + "random bytes per response (Next.js middleware can set the nonce), or list exact "
                                + "https origins that serve no JSONP or AngularJS; set script-src-elem and "
                                + "script-src-attr as strictly if you set them; drop 'unsafe-inline' and "
                                + "'unsafe-eval'."),
                        CspJudges::scriptSafe),
                HttpCheck.originResponse(CheckSpec.gate("headers.csp.object-base", Severity.MEDIUM,
                        "The policy sets object-src 'none' (or default-src 'none') and restricts base-uri.",
                        "Add object-src 'none'; base-uri 'self' (or 'none') to the Content-Security-Policy."),
                        CspJudges::objectBase),
                HttpCheck.frontendResponse(CheckSpec.gate("headers.csp.app-origins", Severity.HIGH,
                        "The frontend's CSP allows the origins the app needs: the API and WebSocket origins in "
                                + "connect-src, the configured asset origins in a fetch directive.",
                        "Add the API origin (https://api.example.com) and the WebSocket origin (wss://api.example.com; "
                                + "Safari does not derive it from 'self' or https:) to connect-src, and CDN origins to "
                                + "script-src/style-src/img-src as used."),
                        CspJudges::appOrigins),
                HttpCheck.originResponse(CheckSpec.gate("headers.frame-protection", Severity.MEDIUM,
                        "Framing is restricted by CSP frame-ancestors or X-Frame-Options DENY/SAMEORIGIN.",
                        "Add Content-Security-Policy: frame-ancestors 'none' (or 'self'), and X-Frame-Options: DENY "
                                + "for old browsers."),
                        SecurityHeaderJudges::frameProtection),
                HttpCheck.originResponse(CheckSpec.gate("headers.nosniff", Severity.MEDIUM,
                        "Responses carry X-Content-Type-Options: nosniff.",
                        "Add X-Content-Type-Options: nosniff to every response (helmet's noSniff; vercel.json "
                                + "headers)."),
                        SecurityHeaderJudges::nosniff),
                HttpCheck.originResponse(CheckSpec.gate("headers.referrer-policy", Severity.LOW,
                        "Referrer-Policy is strict-origin-when-cross-origin or stricter.",
                        "Add Referrer-Policy: strict-origin-when-cross-origin (or no-referrer / same-origin / "
                                + "strict-origin)."),
                        SecurityHeaderJudges::referrerPolicy),
                HttpCheck.originResponse(CheckSpec.gate("headers.cookies.flags", Severity.HIGH,
                        "Every cookie is Secure with SameSite Lax or Strict (None only with Secure), session cookies "
                                + "(configured by name) are HttpOnly, and __Host- cookies follow their rules.",
                        "Set cookies with Secure; SameSite=Lax (Strict where possible); HttpOnly for the session "
                                + "cookie (express-session cookie options, next-auth cookies); prefer "
                                + "__Host-session names with Path=/ and no Domain."),
                        CookieJudges::flags),
                HttpCheck.originResponse(CheckSpec.gate("headers.permissions-policy", Severity.LOW,
                        "A parseable Permissions-Policy header disables the browser features the app does not use.",
                        "Add Permissions-Policy with structured-field syntax, e.g. camera=(), microphone=(), "
                                + "geolocation=(), payment=()."),
                        SecurityHeaderJudges::permissionsPolicy));
    }

    /**
     * Whether the registrable domain could be submitted to hstspreload.org today. Nightly: it guards a promise
     * ("eventually preloaded") rather than a deploy, and a redirect change on the apex is rare enough that a nightly
     * warning is early enough.
     */
    private static ObservedCheck<PreloadObservation> preloadReady(CheckSpec spec) {
        return HttpCheck.of(spec,
                        config -> preloadDomain(config).map(d -> List.of(new Target(Target.PRELOAD_DOMAIN, d)))
                                .orElse(List.of()),
                        (target, config) -> HttpProbes.preload(target.address()),
                        (observed, config) -> PreloadEligibility.judge(observed))
                .withNotApplicable(config -> "the canonical host " + config.canonicalUrl().getHost()
                        + " has no registrable domain; set headers.preload-domain");
    }

    private static Optional<String> preloadDomain(EnvironmentConfig config) {
        if (config.headers().preloadDomain().isPresent()) {
            return config.headers().preloadDomain();
        }
        String host = config.canonicalUrl().getHost();
        boolean ipLiteral = host.startsWith("[") || host.matches("[0-9.]+");
        return ipLiteral ? Optional.empty() : PublicSuffixes.registrableDomain(host);
    }
}
