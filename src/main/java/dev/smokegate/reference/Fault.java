package dev.smokegate.reference;

/**
 * One thing that can be broken in a running {@link ReferenceDeployment}, switched on with
 * {@link ReferenceDeployment#inject(Fault)} and off with {@link ReferenceDeployment#heal()}. Each constant breaks
 * exactly one thing, so a self-test can assert which checks fail because of it.
 */
public enum Fault {

    /** {@code https://api…/health} answers 500 with an error body instead of 200. */
    HEALTH_500,

    /** {@code https://api…/health} accepts the request and never answers; other requests still work. */
    HEALTH_HANGS,

    /** Postgres is really stopped ({@code pg_ctl stop -m fast}), so {@code /health/db} answers 503. */
    POSTGRES_STOPPED,

    /** Redis is really stopped (SIGTERM), so {@code /health/redis} answers 503. */
    REDIS_STOPPED,

    /** {@code http://} serves 200 content on every host instead of redirecting to {@code https://}. */
    NO_HTTPS_REDIRECT,

    /** {@code http://} redirects to {@code https://} with 302 (temporary) instead of 301. */
    TEMPORARY_REDIRECT,

    /** {@code http://app…} redirects first to {@code https://www…} instead of to the same host over https. */
    REDIRECT_TO_OTHER_HOST_FIRST,

    /** {@code https://www…} serves the frontend page with 200 instead of redirecting to the apex {@code app} host. */
    WWW_NOT_REDIRECTING,

    /** Frontend and backend send {@code Server: nginx/1.18.0 (Ubuntu)} and {@code X-Powered-By: Express 4.17.1}. */
    VERSIONED_SERVER_BANNER,

    /** The HTTPS frontend sends no {@code Strict-Transport-Security} header. */
    HSTS_MISSING,

    /** The frontend's HSTS says {@code max-age=300}. */
    HSTS_SHORT_MAX_AGE,

    /** The frontend's HSTS max-age is quoted ({@code max-age="31536000"}), which hstspreload.org rejects. */
    HSTS_QUOTED_MAX_AGE,

    /** The frontend sends two {@code Strict-Transport-Security} headers. */
    HSTS_DUPLICATE_HEADER,

    /** The frontend's HSTS lacks {@code includeSubDomains}. */
    HSTS_NO_INCLUDE_SUBDOMAINS,

    /** The frontend sends neither CSP {@code frame-ancestors} nor {@code X-Frame-Options}. */
    NO_FRAME_PROTECTION,

    /** The frontend sends no {@code X-Content-Type-Options: nosniff}. */
    NO_NOSNIFF,

    /** The frontend sends {@code Referrer-Policy: unsafe-url}. */
    REFERRER_UNSAFE_URL,

    /** The frontend sends no {@code Permissions-Policy}. */
    NO_PERMISSIONS_POLICY,

    /** The frontend sends no Content-Security-Policy at all. */
    CSP_MISSING,

    /** The frontend sends its policy only as {@code Content-Security-Policy-Report-Only}. */
    CSP_REPORT_ONLY,

    /** The frontend's script-src includes {@code 'unsafe-inline'}. */
    CSP_UNSAFE_INLINE,

    /** The frontend's script-src is {@code *}. */
    CSP_SCRIPT_WILDCARD,

    /** The frontend's script-src allows the whole {@code https:} scheme. */
    CSP_SCRIPT_HTTPS_SCHEME,

    /** The frontend's policy has no object-src (and default-src is not 'none'). */
    CSP_NO_OBJECT_SRC,

    /** The frontend's script-src includes {@code 'unsafe-eval'} (a warning). */
    CSP_UNSAFE_EVAL,

    /** The frontend's session cookie {@code __Host-sid} is set without HttpOnly. */
    SESSION_COOKIE_NOT_HTTPONLY,

    /** The frontend's {@code theme} cookie is set without Secure. */
    COOKIE_NOT_SECURE,

    /** The frontend's {@code theme} cookie says {@code SameSite=None} without Secure. */
    SAMESITE_NONE_WITHOUT_SECURE
}
