package dev.smokegate.check.headers;

import dev.smokegate.config.Origins;
import dev.smokegate.config.Ports;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Whether a CSP source list lets a page on {@code page}'s origin load {@code url}, after CSP3's matching rules.
 * Browsers disagree in one corner: CSP3 lets {@code 'self'} and https sources cover the same host over wss, Safari
 * does not; that case is told apart so a check can warn instead of pass.
 */
enum CspSourceMatch {
    ALLOWED,
    /** Allowed by CSP3 browsers only (Chrome, Firefox); Safari blocks it. */
    ALLOWED_BY_CSP3_ONLY,
    BLOCKED;

    static CspSourceMatch of(List<String> sources, URI url, URI page) {
        CspSourceMatch best = BLOCKED;
        for (String source : sources) {
            CspSourceMatch match = matches(source, url, page);
            if (match.ordinal() < best.ordinal()) {
                best = match;
            }
        }
        return best;
    }

    private static CspSourceMatch matches(String expression, URI url, URI page) {
        CspSource source = CspSource.parse(expression);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (source instanceof CspSource.Keyword keyword) {
            return keyword.value().equals("'self'") ? self(url, page) : BLOCKED;
        }
        if (source instanceof CspSource.Scheme schemeSource) {
            return schemes(schemeSource.scheme(), scheme);
        }
        if (source instanceof CspSource.Host host) {
            if (host.isBareStar()) {
                return isWebSocket(scheme) ? ALLOWED_BY_CSP3_ONLY
                        : scheme.equals("http") || scheme.equals("https") ? ALLOWED : BLOCKED;
            }
            return url.getHost() == null ? BLOCKED : hostSource(host, url, page);
        }
        // Nonces and hashes match elements, not URLs; invalid tokens match nothing.
        return BLOCKED;
    }

    private static CspSourceMatch self(URI url, URI page) {
        if (Origins.same(url, page)) {
            return ALLOWED;
        }
        return url.getHost() != null && url.getHost().equalsIgnoreCase(page.getHost())
                && isWebSocket(url.getScheme().toLowerCase(Locale.ROOT)) ? ALLOWED_BY_CSP3_ONLY : BLOCKED;
    }

    private static CspSourceMatch hostSource(CspSource.Host host, URI url, URI page) {
        String urlScheme = url.getScheme().toLowerCase(Locale.ROOT);
        CspSourceMatch schemeMatch = schemes(host.scheme().orElse(page.getScheme().toLowerCase(Locale.ROOT)),
                urlScheme);
        if (schemeMatch == BLOCKED) {
            return BLOCKED;
        }
        String urlHost = url.getHost().toLowerCase(Locale.ROOT);
        String pattern = host.host();
        boolean hostMatches = pattern.equals("*") || (pattern.startsWith("*.") ? urlHost.endsWith(pattern.substring(1))
                : urlHost.equals(pattern));
        boolean portMatches = host.port().map(port -> port.equals("*") || port.equals(String.valueOf(Ports.of(url))))
                .orElse(Ports.of(url) == Ports.defaultFor(url.getScheme()));
        String path = host.path();
        String urlPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        boolean pathMatches = path.isEmpty() || (path.endsWith("/") ? urlPath.startsWith(path) : urlPath.equals(path));
        return hostMatches && portMatches && pathMatches ? schemeMatch : BLOCKED;
    }

    /** An expression's scheme against the URL's: equal or a secure upgrade is certain; crossing to ws is CSP3. */
    private static CspSourceMatch schemes(String expression, String url) {
        if (expression.equals(url) || expression.equals("http") && url.equals("https")
                || expression.equals("ws") && url.equals("wss")) {
            return ALLOWED;
        }
        boolean crossToWebSocket = (expression.equals("https") && url.equals("wss"))
                || (expression.equals("http") && (url.equals("ws") || url.equals("wss")));
        return crossToWebSocket ? ALLOWED_BY_CSP3_ONLY : BLOCKED;
    }

    private static boolean isWebSocket(String scheme) {
        return scheme.equals("ws") || scheme.equals("wss");
    }
}
