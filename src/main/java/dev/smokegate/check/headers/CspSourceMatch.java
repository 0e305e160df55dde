package dev.smokegate.check.headers;

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

    private static CspSourceMatch matches(String source, URI url, URI page) {
        String expression = source.toLowerCase(Locale.ROOT);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (expression.equals("'self'")) {
            if (sameOrigin(url, page)) {
                return ALLOWED;
            }
            return url.getHost().equalsIgnoreCase(page.getHost()) && isWebSocket(scheme) ? ALLOWED_BY_CSP3_ONLY
                    : BLOCKED;
        }
        if (expression.startsWith("'")) {
            return BLOCKED;
        }
        if (expression.equals("*")) {
            return isWebSocket(scheme) ? ALLOWED_BY_CSP3_ONLY
                    : scheme.equals("http") || scheme.equals("https") ? ALLOWED : BLOCKED;
        }
        if (expression.matches("[a-z][a-z0-9+.-]*:")) {
            return schemes(expression.substring(0, expression.length() - 1), scheme);
        }
        return hostSource(expression, url, page);
    }

    private static CspSourceMatch hostSource(String expression, URI url, URI page) {
        String rest = expression;
        String scheme;
        CspSourceMatch schemeMatch;
        int separator = rest.indexOf("://");
        if (separator >= 0) {
            scheme = rest.substring(0, separator);
            rest = rest.substring(separator + 3);
            schemeMatch = schemes(scheme, url.getScheme().toLowerCase(Locale.ROOT));
        } else {
            schemeMatch = schemes(page.getScheme().toLowerCase(Locale.ROOT), url.getScheme().toLowerCase(Locale.ROOT));
        }
        if (schemeMatch == BLOCKED) {
            return BLOCKED;
        }
        int pathStart = rest.indexOf('/');
        String path = pathStart < 0 ? "" : rest.substring(pathStart);
        String hostPort = pathStart < 0 ? rest : rest.substring(0, pathStart);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? null : hostPort.substring(colon + 1);
        String urlHost = url.getHost().toLowerCase(Locale.ROOT);
        boolean hostMatches = host.startsWith("*.") ? urlHost.endsWith(host.substring(1)) : urlHost.equals(host);
        boolean portMatches = port == null ? Ports.of(url) == Ports.defaultFor(url.getScheme())
                : port.equals("*") || port.equals(String.valueOf(Ports.of(url)));
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

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && Ports.of(a) == Ports.of(b);
    }
}
