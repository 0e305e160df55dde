package dev.smokegate.reference;

/**
 * One thing that can be broken in a running {@link ReferenceDeployment}, switched on with
 * {@link ReferenceDeployment#inject(Fault)} and off with {@link ReferenceDeployment#heal()}. Each constant breaks
 * exactly one thing, so a self-test can assert which checks fail because of it.
 */
public enum Fault {

    /** {@code https://app…} answers 503 on every path, as an edge does when the app's deployment is down. */
    FRONTEND_503,

    /** {@code https://app…} accepts every request and never answers. */
    FRONTEND_HANGS,

    /** Nothing listens on the frontend's HTTPS port any more: connections are refused. */
    FRONTEND_REFUSES_CONNECTIONS,

    /** The frontend presents www's certificate, which does not name {@code app…}: every TLS client refuses it. */
    FRONTEND_WRONG_CERTIFICATE,

    /** {@code https://api…/health} answers 500 with an error body instead of 200. */
    HEALTH_500,

    /** {@code https://api…/health} accepts the request and never answers; other requests still work. */
    HEALTH_HANGS,

    /**
     * {@code https://api…/health} answers 200 after {@link BackendApi#SLOW}: between the warn and the fail level of
     * the budget the self-tests set. A slow-but-working backend: a warning, never a blocked deploy.
     */
    HEALTH_SLOW,

    /** {@code https://api…/health} answers 200 after {@link BackendApi#TOO_SLOW}: beyond that budget's fail level. */
    HEALTH_TOO_SLOW,

    /** Postgres is really stopped ({@code pg_ctl stop -m fast}), so {@code /health/db} answers 503. */
    POSTGRES_STOPPED,

    /**
     * Postgres's pg_hba.conf has a {@code host ... scram-sha-256} line for 127.0.0.1 ahead of {@code hostssl}, so a
     * client that does not insist on TLS logs in over plaintext.
     */
    POSTGRES_ACCEPTS_PLAINTEXT,

    /** The app's Postgres user is a superuser ({@code ALTER ROLE app SUPERUSER}). */
    APP_USER_SUPERUSER,

    /** The app's Postgres user may create roles ({@code ALTER ROLE app CREATEROLE}). */
    APP_USER_CREATEROLE,

    /** The app's {@code messages} table is gone (renamed to {@code messages_moved_away}). */
    CRITICAL_TABLE_MISSING,

    /**
     * Postgres's archive_command fails ({@code false}): a WAL segment is switched out and pg_stat_archiver shows its
     * failure after the last success, as a full or unreachable archive would leave it.
     */
    ARCHIVING_FAILING,

    /** Redis is really stopped (SIGTERM), so {@code /health/redis} answers 503. */
    REDIS_STOPPED,

    /**
     * Redis' {@code default} user, the app's, becomes {@code nopass}: any client is let in without AUTH. Redis 7 then
     * refuses a client's one-argument {@code AUTH password}, so {@code /health/redis} answers 503 as well.
     */
    REDIS_NO_PASSWORD,

    /**
     * Redis also listens in plaintext ({@code CONFIG SET port}), with the same users, on a port of its own: a real
     * Redis cannot speak both on one port. The app's {@code REDIS_URL} then is {@link
     * ReferenceDeployment#plaintextRedisUrl()}, redis:// to that port, as an app wired to a provider's plaintext
     * endpoint has it.
     */
    REDIS_PLAINTEXT,

    /** maxmemory-policy is allkeys-lru: a full Redis evicts sessions and adapter state along with cache keys. */
    REDIS_EVICTS_ALLKEYS,

    /** The app user's ACL allows FLUSHALL (still denied FLUSHDB, CONFIG and KEYS). */
    REDIS_APP_MAY_FLUSHALL,

    /** {@code http://} serves 200 content on every host instead of redirecting to {@code https://}. */
    NO_HTTPS_REDIRECT,

    /** {@code http://} redirects to {@code https://} with 302 (temporary) instead of 301. */
    TEMPORARY_REDIRECT,

    /**
     * {@code http://app…} and {@code http://} on the apex redirect first to {@code https://www…} instead of to the
     * same host over https.
     */
    REDIRECT_TO_OTHER_HOST_FIRST,

    /** {@code https://www…} serves the frontend page with 200 instead of redirecting to the apex {@code app} host. */
    WWW_NOT_REDIRECTING,

    /** Frontend and backend send {@code Server: nginx/1.18.0 (Ubuntu)} and {@code X-Powered-By: Express 4.17.1}. */
    VERSIONED_SERVER_BANNER,

    /** The HTTPS frontend sends no {@code Strict-Transport-Security} header. */
    HSTS_MISSING,

    /** The frontend's HSTS says {@code max-age=300}. */
    HSTS_SHORT_MAX_AGE,

    /**
     * The frontend's HSTS max-age is quoted ({@code max-age="31536000"}): valid RFC 6797, which browsers accept, but
     * hstspreload.org rejects it.
     */
    HSTS_QUOTED_MAX_AGE,

    /** The frontend's HSTS repeats {@code preload} and adds an unknown directive: browsers ignore both. */
    HSTS_EXTRA_DIRECTIVES,

    /** The frontend's HSTS says {@code includeSubDomains} twice, which makes browsers ignore the header. */
    HSTS_REPEATED_INCLUDE_SUBDOMAINS,

    /** The frontend sends two {@code Strict-Transport-Security} headers. */
    HSTS_DUPLICATE_HEADER,

    /** The frontend's and apex's HSTS lack {@code preload}: fine as a policy, not submittable to the preload list. */
    HSTS_NO_PRELOAD,

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

    /** The frontend's connect-src lists only the WebSocket origin, so browsers block the app's API calls. */
    CSP_BLOCKS_API,

    /** The frontend's script-src includes {@code 'unsafe-eval'} (a warning). */
    CSP_UNSAFE_EVAL,

    /** The frontend's session cookie {@code __Host-sid} is set without HttpOnly. */
    SESSION_COOKIE_NOT_HTTPONLY,

    /** The frontend's {@code theme} cookie is set without Secure. */
    COOKIE_NOT_SECURE,

    /** The frontend's {@code theme} cookie says {@code SameSite=None} without Secure. */
    SAMESITE_NONE_WITHOUT_SECURE,

    /** {@code https://} on the apex redirects to the frontend over plain {@code http://} (a hop HSTS cannot cover). */
    APEX_REDIRECTS_OVER_PLAIN_HTTP,

    /** The backend's CORS echoes any Origin, with credentials. */
    CORS_REFLECTS_ANY_ORIGIN,

    /** The backend's CORS accepts any origin that ends with the frontend's host ({@code https://evilapp…}). */
    CORS_ORIGIN_ENDS_WITH,

    /** The backend's CORS accepts any origin that starts with the frontend's origin ({@code …test.evil.test}). */
    CORS_ORIGIN_STARTS_WITH,

    /** The backend's CORS matches origins with an unescaped-dot regex ({@code https://appxsmokegate.test}). */
    CORS_UNESCAPED_DOT,

    /** The backend's CORS allows {@code Origin: null} (sandboxed iframes, file: pages). */
    CORS_NULL_ORIGIN,

    /** The backend's CORS allows the frontend's {@code http://} origin too. */
    CORS_HTTP_ORIGIN,

    /** The backend's CORS allows every {@code https://*.vercel.app} preview deployment, anyone's. */
    CORS_VERCEL_PREVIEWS,

    /** The backend answers {@code Access-Control-Allow-Origin: *} with credentials allowed. */
    CORS_WILDCARD_WITH_CREDENTIALS,

    /** The backend echoes the allowed origin without {@code Vary: Origin}. */
    CORS_NO_VARY_ORIGIN,

    /**
     * The app's {@code /auth/github} sends the browser to GitHub's authorize URL without a {@code state}, so nothing
     * ties the callback to the browser that started the login (login CSRF); with no state sent, none is checked.
     */
    STATE_NOT_GENERATED,

    /** The app's callback accepts any state, or none, instead of the one it stored in the session. */
    STATE_NOT_CHECKED,

    /** The app sends the same {@code state} on every login (computed once at start-up), so it protects nothing. */
    STATE_REUSED,

    /** The authorize URL's {@code redirect_uri} is the callback over plain {@code http://}. */
    REDIRECT_URI_HTTP,

    /** The authorize URL's {@code redirect_uri} is on a {@code *.vercel.app} preview deployment, not production. */
    REDIRECT_URI_PREVIEW,

    /** The app asks GitHub for {@code repo user} (every private repository) instead of {@code read:user}. */
    SCOPE_TOO_WIDE,

    /** The app's session cookie {@code sid} is set without HttpOnly, so page script can read it. */
    OAUTH_SESSION_COOKIE_NOT_HTTPONLY,

    /** The app's session cookie {@code sid} is set without Secure, so a browser sends it over plain HTTP too. */
    OAUTH_SESSION_COOKIE_NOT_SECURE,

    /** The app's session cookie {@code sid} says {@code SameSite=None} (Secure kept): sent on cross-site requests. */
    OAUTH_SESSION_COOKIE_SAMESITE_NONE,

    /** After login the app redirects to the frontend with the OAuth code in the URL ({@code /?code=…}). */
    CODE_LEFT_IN_URL,

    /**
     * After login the app hands the GitHub access token to the frontend in the redirect's fragment, and the
     * frontend's script keeps it in localStorage (and removes the fragment from the address bar).
     */
    TOKEN_IN_LOCAL_STORAGE,

    /** The app's logout clears the session cookie but leaves the session in Redis: the old cookie still works. */
    LOGOUT_KEEPS_SESSION,

    /**
     * A failed login on the callback (a foreign state, a made-up code) reaches the app's default error handler
     * and answers 500 instead of a refusal.
     */
    CALLBACK_ERROR_500,

    /** The app's webhook processes deliveries without an {@code X-Hub-Signature-256}: it verifies only signed ones. */
    WEBHOOK_UNSIGNED_ACCEPTED,

    /**
     * The app's webhook computes the signature check but ignores its result, so a wrong signature, or one made for
     * another body, is accepted.
     */
    WEBHOOK_WRONG_SIGNATURE_ACCEPTED,

    /**
     * The app's webhook throws on a missing or wrong signature and lets the error reach the default handler: a 500
     * instead of a refusal (GitHub retries it, and the logs fill with stack traces).
     */
    WEBHOOK_500_ON_BAD_SIGNATURE,

    /** GitHub's consent page never enables its authorize button (the page script that does it is missing). */
    CONSENT_NEVER_ENABLES,

    /** After the password GitHub asks to verify the device with a code sent by e-mail, which no test can read. */
    DEVICE_VERIFICATION,

    /**
     * A page chunk inlines the OAuth app's client secret ({@code GITHUB_CLIENT_SECRET}) as if it had been named
     * {@code NEXT_PUBLIC_GITHUB_CLIENT_SECRET}: Next.js puts such variables into the client bundle verbatim.
     */
    SECRET_IN_CHUNK,

    /** The frontend page carries a string in GitHub's personal-access-token shape ({@code ghp_…}) in a meta tag. */
    GITHUB_TOKEN_IN_HTML,

    /** The frontend serves {@code /.env} (KEY=value lines) instead of its SPA page. */
    DOTENV_SERVED,

    /** The frontend serves {@code /.git/config} and {@code /.git/HEAD}: the repository can be downloaded. */
    GIT_CONFIG_SERVED,

    /** The page chunk names its source map in a sourceMappingURL comment, and the map answers 200 with sources. */
    SOURCE_MAP_PUBLIC,

    /**
     * The frontend was built with another OAuth app's client id (a staging NEXT_PUBLIC_GITHUB_CLIENT_ID) than the one
     * the backend sends to GitHub.
     */
    CLIENT_ID_MISMATCH,

    /**
     * The Node app's JWT verification accepts {@code alg: none} in any casing: it decodes such a token without
     * verifying it, as apps do that pass 'none' among the accepted algorithms or hand-check the header.
     */
    JWT_ALG_NONE_ACCEPTED,

    /** The Node app reads its JWTs with {@code jwt.decode} instead of {@code jwt.verify}: no signature, no exp. */
    JWT_SIGNATURE_UNCHECKED,

    /** The Node app verifies its JWTs with {@code ignoreExpiration: true}: an expired token still signs in. */
    JWT_EXP_IGNORED,

    /**
     * The Node app issues RS256 tokens and verifies them with its public key without pinning the algorithm.
     * jsonwebtoken 9 refuses an HS256 token with a public key, so the app emulates the vulnerable libraries
     * (jsonwebtoken before 4.2.2, CVE-2015-9235): for an HS token it uses the public key's PEM text as the HMAC secret.
     */
    JWT_KEY_CONFUSION,

    /** The Node app signs and verifies its JWTs with the secret {@code secret} instead of JWT_SECRET. */
    JWT_WEAK_SECRET
}
