package dev.smokegate.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the security headers must say, and where besides the frontend and backend they are checked.
 *
 * @param hstsMinMaxAge         seconds HSTS must at least last; a year is what browsers' preload lists require
 * @param hstsIncludeSubDomains whether HSTS must cover subdomains (required for preloading)
 * @param sessionCookies        names of the cookies that hold a session and so must be HttpOnly; configured, never
 *                              guessed from a name
 * @param preloadDomain         the registrable domain submitted to the HSTS preload list; empty means the
 *                              registrable domain of the canonical host, from the public suffix list
 * @param extraOrigins          more https origins whose responses must carry the security headers
 * @param assetOrigins          origins the frontend loads scripts, styles, images or fonts from (a CDN), which its
 *                              CSP must not block; the API and WebSocket origins are known from their own keys
 */
public record HeaderPolicy(long hstsMinMaxAge, boolean hstsIncludeSubDomains, Set<String> sessionCookies,
                           Optional<String> preloadDomain, List<URI> extraOrigins, List<URI> assetOrigins) {

    public static final HeaderPolicy DEFAULTS = new HeaderPolicy(31_536_000L, true, Set.of(), Optional.empty(),
            List.of(), List.of());

    public HeaderPolicy {
        sessionCookies = Set.copyOf(sessionCookies);
        extraOrigins = List.copyOf(extraOrigins);
        assetOrigins = List.copyOf(assetOrigins);
    }
}
