package dev.smokegate.check.headers;

import dev.smokegate.check.Check;
import dev.smokegate.check.http.OriginResponseCheck;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import java.util.List;

/** The {@code headers.*} checks, in report order. */
public final class HeaderChecks {

    private HeaderChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                new OriginResponseCheck(CheckSpec.gate("headers.hsts.policy", Severity.HIGH,
                        "HTTPS responses carry exactly one valid Strict-Transport-Security header with max-age >= "
                                + "the configured minimum and includeSubDomains when required.",
                        "Send Strict-Transport-Security: max-age=31536000; includeSubDomains; preload (Vercel: "
                                + "headers in vercel.json or next.config.js; Node: helmet's hsts) from one place "
                                + "only, so proxies and the app do not both add it."),
                        SecurityHeaderJudges::hsts),
                new PreloadCheck(),
                new OriginResponseCheck(CheckSpec.gate("headers.csp.present", Severity.HIGH,
                        "An enforced Content-Security-Policy header is sent (Report-Only alone does not count).",
                        "Send Content-Security-Policy as a response header (vercel.json / next.config.js headers, "
                                + "helmet's contentSecurityPolicy); keep Report-Only only for trying changes."),
                        CspJudges::present),
                new OriginResponseCheck(CheckSpec.gate("headers.csp.script-safe", Severity.HIGH,
                        "Script sources exclude 'unsafe-inline' (unless neutralised by nonces or hashes with "
                                + "'strict-dynamic'), *, http:, https:, data: and plain-http hosts.",
                        "Use a nonce-based policy: script-src 'nonce-{random}' 'strict-dynamic' (Next.js "
                                + "middleware can set the nonce), or list exact https origins; drop "
                                + "'unsafe-inline' and 'unsafe-eval'."),
                        CspJudges::scriptSafe),
                new OriginResponseCheck(CheckSpec.gate("headers.csp.object-base", Severity.MEDIUM,
                        "The policy sets object-src 'none' (or default-src 'none') and restricts base-uri.",
                        "Add object-src 'none'; base-uri 'self' (or 'none') to the Content-Security-Policy."),
                        CspJudges::objectBase),
                OriginResponseCheck.frontendOnly(CheckSpec.gate("headers.csp.app-origins", Severity.HIGH,
                        "The frontend's CSP allows the origins the app needs: the API and WebSocket origins in "
                                + "connect-src, the configured asset origins in a fetch directive.",
                        "Add the API origin (https://api.example.com) and the WebSocket origin (wss://api.example.com; "
                                + "Safari does not derive it from 'self' or https:) to connect-src, and CDN origins to "
                                + "script-src/style-src/img-src as used."),
                        CspJudges::appOrigins),
                new OriginResponseCheck(CheckSpec.gate("headers.frame-protection", Severity.MEDIUM,
                        "Framing is restricted by CSP frame-ancestors or X-Frame-Options DENY/SAMEORIGIN.",
                        "Add Content-Security-Policy: frame-ancestors 'none' (or 'self'), and X-Frame-Options: DENY "
                                + "for old browsers."),
                        SecurityHeaderJudges::frameProtection),
                new OriginResponseCheck(CheckSpec.gate("headers.nosniff", Severity.MEDIUM,
                        "Responses carry X-Content-Type-Options: nosniff.",
                        "Add X-Content-Type-Options: nosniff to every response (helmet's noSniff; vercel.json "
                                + "headers)."),
                        SecurityHeaderJudges::nosniff),
                new OriginResponseCheck(CheckSpec.gate("headers.referrer-policy", Severity.LOW,
                        "Referrer-Policy is strict-origin-when-cross-origin or stricter.",
                        "Add Referrer-Policy: strict-origin-when-cross-origin (or no-referrer / same-origin / "
                                + "strict-origin)."),
                        SecurityHeaderJudges::referrerPolicy),
                new OriginResponseCheck(CheckSpec.gate("headers.cookies.flags", Severity.HIGH,
                        "Every cookie is Secure with SameSite Lax or Strict (None only with Secure), session cookies "
                                + "(configured by name) are HttpOnly, and __Host- cookies follow their rules.",
                        "Set cookies with Secure; SameSite=Lax (Strict where possible); HttpOnly for the session "
                                + "cookie (express-session cookie options, next-auth cookies); prefer "
                                + "__Host-session names with Path=/ and no Domain."),
                        CookieJudges::flags),
                new OriginResponseCheck(CheckSpec.gate("headers.permissions-policy", Severity.LOW,
                        "A parseable Permissions-Policy header disables the browser features the app does not use.",
                        "Add Permissions-Policy with structured-field syntax, e.g. camera=(), microphone=(), "
                                + "geolocation=(), payment=()."),
                        SecurityHeaderJudges::permissionsPolicy));
    }
}
