package dev.smokegate.config;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]+");

    public HeaderPolicy {
        sessionCookies = Set.copyOf(sessionCookies);
        extraOrigins = List.copyOf(extraOrigins);
        assetOrigins = List.copyOf(assetOrigins);
    }

    static HeaderPolicy read(YamlNode headers) {
        long minAge = headers.parsed("hsts-min-max-age", text -> Optional.of(text.trim())
                .filter(t -> t.matches("\\d{1,10}")).map(Long::parseLong),
                "expected a whole number of seconds (31536000 is one year)").orElse(DEFAULTS.hstsMinMaxAge);
        boolean subdomains = headers.bool("hsts-include-subdomains").orElse(DEFAULTS.hstsIncludeSubDomains);
        Set<String> sessionCookies = new LinkedHashSet<>();
        headers.list("session-cookies").forEach(cookie -> sessionCookies.add(String.valueOf(cookie).trim()));
        Optional<String> preloadDomain = headers.parsed("preload-domain", text -> Optional.of(text.trim()
                .toLowerCase(Locale.ROOT)).filter(t -> DOMAIN.matcher(t).matches()),
                "expected a domain name such as example.com (no scheme, no port)");
        return new HeaderPolicy(minAge, subdomains, sessionCookies, preloadDomain,
                headers.origins("extra-origins", Set.of("https")), headers.origins("asset-origins", Set.of("https")));
    }
}
