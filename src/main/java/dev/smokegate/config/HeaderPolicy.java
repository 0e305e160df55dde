package dev.smokegate.config;

/**
 * What the security headers must say.
 *
 * @param hstsMinMaxAge         seconds HSTS must at least last; a year is what browsers' preload lists require
 * @param hstsIncludeSubDomains whether HSTS must cover subdomains (required for preloading)
 * @param sessionCookies        names of the cookies that hold a session and so must be HttpOnly; configured, never
 *                              guessed from a name
 */
public record HeaderPolicy(long hstsMinMaxAge, boolean hstsIncludeSubDomains, java.util.Set<String> sessionCookies) {

    public static final HeaderPolicy DEFAULTS = new HeaderPolicy(31_536_000L, true, java.util.Set.of());

    public HeaderPolicy {
        sessionCookies = java.util.Set.copyOf(sessionCookies);
    }
}
