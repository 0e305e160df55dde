package dev.smokegate.config;

/**
 * What the security headers must say.
 *
 * @param hstsMinMaxAge         seconds HSTS must at least last; a year is what browsers' preload lists require
 * @param hstsIncludeSubDomains whether HSTS must cover subdomains (required for preloading)
 */
public record HeaderPolicy(long hstsMinMaxAge, boolean hstsIncludeSubDomains) {

    public static final HeaderPolicy DEFAULTS = new HeaderPolicy(31_536_000L, true);
}
