package dev.smokegate.selftest;

import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the fault matrix: a fault injected into the reference deployment, every check id that must fail
 * because of it (each with a fragment its message must contain), every check that must warn, and every check that
 * can no longer observe what it judges (broken). No other check may fail, warn or break.
 */
record FaultCase(Fault fault, Map<String, String> failing, Set<String> warning, Set<String> broken) {

    /**
     * What judges the frontend's response headers: with no response from the frontend there is nothing to judge, so
     * these are broken ("could not verify"), while http.frontend.ok fails.
     */
    private static final Set<String> FRONTEND_HEADER_CHECKS = Set.of("http.version-leak", "headers.hsts.policy",
            "headers.csp.present", "headers.csp.script-safe", "headers.csp.object-base", "headers.csp.app-origins",
            "headers.frame-protection", "headers.nosniff", "headers.referrer-policy", "headers.permissions-policy",
            "headers.cookies.flags", "secrets.public-assets.no-secrets", "secrets.dotfiles.not-served",
            "secrets.source-maps.not-public", "oauth.client-id.matches");

    /**
     * The check a public source map fails only with {@code secrets.source-maps: fail} (it warns by default): its own
     * test in {@link FaultMatrixTest}.
     */
    static final String FAILED_BY_SOURCE_MAPS_SET_TO_FAIL = "secrets.source-maps.not-public";

    FaultCase(Fault fault, Map<String, String> failing) {
        this(fault, failing, Set.of(), Set.of());
    }

    FaultCase(Fault fault, Map<String, String> failing, Set<String> warning) {
        this(fault, failing, warning, Set.of());
    }

    /**
     * The frontend gives no response at all: its page fails, and so does everything that redirects to it (the www
     * alias, and the apex, whose redirect chain hstspreload.org must be able to follow).
     */
    private static FaultCase frontendDown(Fault fault, String why) {
        return new FaultCase(fault, Map.of("http.frontend.ok", "got no answer: " + why,
                "http.canonical-redirect", "the canonical origin then does not answer: " + why,
                "headers.hsts.preload-ready", "failed at https://app.smokegate.test/: " + why),
                Set.of(), FRONTEND_HEADER_CHECKS);
    }

    static final List<FaultCase> ALL = List.of(
            new FaultCase(Fault.FRONTEND_503, Map.of("http.frontend.ok", "answered 503",
                    "http.canonical-redirect", "the canonical origin then answers 503")),
            frontendDown(Fault.FRONTEND_HANGS, "no response within"),
            frontendDown(Fault.FRONTEND_REFUSES_CONNECTIONS, "connection refused by app.smokegate.test:443"),
            frontendDown(Fault.FRONTEND_WRONG_CERTIFICATE, "TLS handshake with app.smokegate.test:443"),
            new FaultCase(Fault.HEALTH_500, Map.of("http.health.ok", "expected a 2xx answer, got 500")),
            new FaultCase(Fault.HEALTH_HANGS, Map.of("http.health.ok", "no response within")),
            new FaultCase(Fault.POSTGRES_STOPPED, Map.of("http.db-path.ok", "got 503")),
            // Sessions live in Redis, as on Railway: without it the login hangs, which is what users would see.
            // Redis' own checks: PING and pub/sub fail; what judges Redis' settings has nothing to look at.
            new FaultCase(Fault.REDIS_STOPPED, Map.of("http.redis-path.ok", "got 503",
                    "oauth.redirect.params", "GET https://api.smokegate.test/auth/github did not answer",
                    "oauth.callback.forged-state-rejected", "the callback did not answer",
                    "redis.ping", "no authenticated PING: connection refused by 127.0.0.1:",
                    "redis.pubsub.round-trip", "connection refused by 127.0.0.1:"), Set.of(),
                    Set.of("redis.auth.required", "redis.tls", "redis.eviction-policy", "redis.dangerous-commands",
                            "oauth.client-id.matches")),
            new FaultCase(Fault.NO_HTTPS_REDIRECT, Map.of("http.https-redirect", "over plain http",
                    // http://apex now shows the apex's own redirect to the app: the first hop leaves the host.
                    "headers.hsts.preload-ready", "the first redirect must go to https://smokegate.test/")),
            new FaultCase(Fault.TEMPORARY_REDIRECT, Map.of("http.https-redirect", "302, a temporary redirect")),
            new FaultCase(Fault.REDIRECT_TO_OTHER_HOST_FIRST,
                    Map.of("http.https-redirect", "redirects first to another host",
                            "headers.hsts.preload-ready", "it must redirect to https://smokegate.test/ before "
                                    + "adding www")),
            new FaultCase(Fault.WWW_NOT_REDIRECTING,
                    Map.of("http.canonical-redirect", "the alias serves content itself")),
            new FaultCase(Fault.VERSIONED_SERVER_BANNER,
                    Map.of("http.version-leak", "reveal software versions: Server: nginx/1.18.0")),
            // The apex shares the frontend's edge HSTS policy, so HSTS faults also block preloading.
            new FaultCase(Fault.HSTS_MISSING, Map.of("headers.hsts.policy", "no Strict-Transport-Security header",
                    "headers.hsts.preload-ready", "no Strict-Transport-Security header on https://smokegate.test/")),
            new FaultCase(Fault.HSTS_SHORT_MAX_AGE, Map.of("headers.hsts.policy", "max-age=300 is below 31536000",
                    "headers.hsts.preload-ready", "max-age=300 is below one year")),
            new FaultCase(Fault.STATE_NOT_GENERATED, Map.of("oauth.redirect.params",
                    "no state parameter on 3 of 3 starts"), Set.of("oauth.callback.forged-state-rejected")),
            new FaultCase(Fault.STATE_REUSED, Map.of("oauth.redirect.params",
                    "the same state came back on 3 of 3 starts")),
            new FaultCase(Fault.REDIRECT_URI_HTTP, Map.of("oauth.redirect.params",
                    "redirect_uri http://api.smokegate.test/auth/github/callback is not https")),
            new FaultCase(Fault.REDIRECT_URI_PREVIEW, Map.of("oauth.redirect.params",
                    "points at a preview deployment (*.vercel.app)")),
            new FaultCase(Fault.CALLBACK_ERROR_500, Map.of("oauth.callback.forged-state-rejected",
                    "no state: the callback answered 500, a server error instead of a refusal")),
            new FaultCase(Fault.SCOPE_TOO_WIDE, Map.of("oauth.redirect.params",
                    "scope asks for repo, user beyond oauth.allowed-scopes (read:user)")),
            new FaultCase(Fault.HSTS_QUOTED_MAX_AGE, Map.of("headers.hsts.preload-ready", "max-age is quoted"),
                    Set.of("headers.hsts.policy")),
            new FaultCase(Fault.HSTS_EXTRA_DIRECTIVES, Map.of(),
                    Set.of("headers.hsts.policy", "headers.hsts.preload-ready")),
            new FaultCase(Fault.HSTS_REPEATED_INCLUDE_SUBDOMAINS, Map.of("headers.hsts.policy",
                    "browsers ignore the whole header (RFC 6797 §6.1): includeSubDomains appears more than once"),
                    Set.of("headers.hsts.preload-ready")),
            new FaultCase(Fault.HSTS_DUPLICATE_HEADER,
                    Map.of("headers.hsts.policy", "2 Strict-Transport-Security headers",
                            "headers.hsts.preload-ready", "2 Strict-Transport-Security headers on")),
            new FaultCase(Fault.HSTS_NO_PRELOAD,
                    Map.of("headers.hsts.preload-ready", "lacks the preload directive")),
            new FaultCase(Fault.HSTS_NO_INCLUDE_SUBDOMAINS,
                    Map.of("headers.hsts.policy", "includeSubDomains is missing",
                            "headers.hsts.preload-ready", "lacks includeSubDomains")),
            new FaultCase(Fault.APEX_REDIRECTS_OVER_PLAIN_HTTP, Map.of("headers.hsts.preload-ready",
                    "redirects to an insecure page on redirect #1: http://app.smokegate.test/")),
            new FaultCase(Fault.NO_FRAME_PROTECTION,
                    Map.of("headers.frame-protection", "neither CSP frame-ancestors nor X-Frame-Options")),
            new FaultCase(Fault.NO_NOSNIFF, Map.of("headers.nosniff", "no X-Content-Type-Options header")),
            new FaultCase(Fault.REFERRER_UNSAFE_URL, Map.of("headers.referrer-policy", "unsafe-url leaks full URLs")),
            new FaultCase(Fault.NO_PERMISSIONS_POLICY,
                    Map.of("headers.permissions-policy", "no Permissions-Policy header")),
            new FaultCase(Fault.CSP_MISSING, Map.of("headers.csp.present", "no enforced Content-Security-Policy",
                    "headers.csp.script-safe", "scripts may load from anywhere",
                    "headers.csp.object-base", "object-src and base-uri are unrestricted")),
            new FaultCase(Fault.CSP_REPORT_ONLY, Map.of("headers.csp.present", "only Content-Security-Policy-"
                    + "Report-Only, which blocks nothing", "headers.csp.script-safe", "Report-Only",
                    "headers.csp.object-base", "Report-Only")),
            new FaultCase(Fault.CSP_UNSAFE_INLINE, Map.of("headers.csp.script-safe", "script-src allows "
                    + "'unsafe-inline' without nonces or hashes")),
            new FaultCase(Fault.CSP_SCRIPT_WILDCARD, Map.of("headers.csp.script-safe", "script-src allows *")),
            new FaultCase(Fault.CSP_SCRIPT_HTTPS_SCHEME, Map.of("headers.csp.script-safe", "script-src allows https:")),
            new FaultCase(Fault.CSP_NO_OBJECT_SRC, Map.of("headers.csp.object-base", "object-src is not 'none'")),
            new FaultCase(Fault.CSP_BLOCKS_API, Map.of("headers.csp.app-origins",
                    "\"connect-src 'self' wss://rooms.smokegate.test\" blocks https://api.smokegate.test")),
            new FaultCase(Fault.CSP_UNSAFE_EVAL, Map.of(), Set.of("headers.csp.script-safe")),
            new FaultCase(Fault.SESSION_COOKIE_NOT_HTTPONLY,
                    Map.of("headers.cookies.flags", "session cookie __Host-sid lacks HttpOnly")),
            new FaultCase(Fault.COOKIE_NOT_SECURE, Map.of("headers.cookies.flags", "theme lacks Secure")),
            new FaultCase(Fault.SAMESITE_NONE_WITHOUT_SECURE,
                    Map.of("headers.cookies.flags", "theme has SameSite=None without Secure")),
            new FaultCase(Fault.CORS_REFLECTS_ANY_ORIGIN, Map.of("cors.foreign-origin-rejected",
                    "https://evil.app.smokegate.test (subdomain of https://app.smokegate.test)")),
            new FaultCase(Fault.CORS_ORIGIN_ENDS_WITH, Map.of("cors.foreign-origin-rejected",
                    "https://evilapp.smokegate.test (prefix before https://app.smokegate.test) on OPTIONS and GET")),
            new FaultCase(Fault.CORS_ORIGIN_STARTS_WITH, Map.of("cors.foreign-origin-rejected",
                    "https://app.smokegate.test.smokegate-foreign.test (suffix after")),
            new FaultCase(Fault.CORS_UNESCAPED_DOT, Map.of("cors.foreign-origin-rejected",
                    "https://appxsmokegate.test (unescaped dot in https://app.smokegate.test)")),
            new FaultCase(Fault.CORS_NULL_ORIGIN, Map.of("cors.foreign-origin-rejected",
                    "null (null origin) on OPTIONS and GET")),
            new FaultCase(Fault.CORS_HTTP_ORIGIN, Map.of("cors.foreign-origin-rejected",
                    "http://app.smokegate.test (http:// twin of https://app.smokegate.test)")),
            new FaultCase(Fault.CORS_VERCEL_PREVIEWS, Map.of("cors.foreign-origin-rejected",
                    "https://smokegate-preview.vercel.app (Vercel preview deployment)")),
            new FaultCase(Fault.CORS_WILDCARD_WITH_CREDENTIALS, Map.of("cors.credentials-wildcard",
                    "send Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true. Browsers refuse",
                    "cors.allowed-origin", "Access-Control-Allow-Origin is * instead of https://app.smokegate.test",
                    "cors.foreign-origin-rejected", "Access-Control-Allow-Origin: * lets any site read responses")),
            new FaultCase(Fault.CORS_NO_VARY_ORIGIN, Map.of("cors.allowed-origin",
                    "GET from https://app.smokegate.test: Vary absent, so a cache may serve this answer to another "
                            + "origin")),
            new FaultCase(Fault.SECRET_IN_CHUNK, Map.of("secrets.public-assets.no-secrets",
                    "the value of ${GITHUB_CLIENT_SECRET} appears in "
                            + "https://app.smokegate.test/_next/static/chunks/app/page-")),
            new FaultCase(Fault.GITHUB_TOKEN_IN_HTML, Map.of("secrets.public-assets.no-secrets",
                    "GitHub token ghp_… (40 chars) appears in https://app.smokegate.test")),
            new FaultCase(Fault.DOTENV_SERVED, Map.of("secrets.dotfiles.not-served",
                    "https://app.smokegate.test/.env answers 200 with the file's content (KEY=value lines)")),
            new FaultCase(Fault.GIT_CONFIG_SERVED, Map.of("secrets.dotfiles.not-served",
                    "https://app.smokegate.test/.git/config answers 200 with the file's content (a git config")),
            new FaultCase(Fault.SOURCE_MAP_PUBLIC, Map.of(), Set.of("secrets.source-maps.not-public")),
            new FaultCase(Fault.CLIENT_ID_MISMATCH, Map.of("oauth.client-id.matches",
                    "the frontend carries GitHub client id Ov23liStagingSmokeg8 (in https://app.smokegate.test/_next/"
                            + "static/chunks/app/page-5b7e19c40a2d6f83.js), but the backend's login sends client_id "
                            + "Iv1.smokegate-demo")));

    @Override
    public String toString() {
        return fault.name();
    }
}
