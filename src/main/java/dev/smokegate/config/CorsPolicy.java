package dev.smokegate.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the backend's CORS policy must allow, and nothing more.
 *
 * @param path                the backend path the requests go to; empty means the health path, which every
 *                            backend of this shape has and which goes through the same middleware as the API
 * @param allowedOrigins      origins ({@code scheme://host[:port]}, no path) that must be allowed; empty means the
 *                            frontend's origin
 * @param credentials         whether the allowed origins get {@code Access-Control-Allow-Credentials: true}
 * @param methods             methods the app calls cross-origin; the non-safelisted ones are each preflighted
 * @param requestHeaders      request headers the app sends cross-origin, which preflights must allow
 * @param allowPreviewOrigins whether {@code https://*.vercel.app} preview deployments are meant to be allowed
 */
public record CorsPolicy(Optional<String> path, List<URI> allowedOrigins, boolean credentials, List<String> methods,
                         List<String> requestHeaders, boolean allowPreviewOrigins) {

    public static final CorsPolicy DEFAULTS = new CorsPolicy(Optional.empty(), List.of(), true,
            List.of("GET", "POST"), List.of("Content-Type"), false);

    /** Methods a browser sends without asking first (when the headers are safelisted too). */
    public static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
    /** An HTTP token (RFC 9110), the shape of a header name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public CorsPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
        methods = List.copyOf(methods);
        requestHeaders = List.copyOf(requestHeaders);
    }

    static CorsPolicy read(YamlNode cors) {
        List<String> methods = cors.tokens("methods", METHOD, "an HTTP method such as GET or PUT").stream()
                .map(m -> m.toUpperCase(Locale.ROOT)).toList();
        List<String> requestHeaders = cors.tokens("request-headers", TOKEN, "a header name");
        return new CorsPolicy(cors.path("path"), cors.origins("allowed-origins", Set.of("http", "https")),
                cors.bool("credentials").orElse(DEFAULTS.credentials),
                methods.isEmpty() ? DEFAULTS.methods : methods,
                requestHeaders.isEmpty() ? DEFAULTS.requestHeaders : requestHeaders,
                cors.bool("allow-preview-origins").orElse(DEFAULTS.allowPreviewOrigins));
    }

    /** The allowed origins as browsers send them in {@code Origin}: no trailing slash, default port dropped. */
    public List<String> allowedOrigins(EnvironmentConfig config) {
        return originsOrFrontend(allowedOrigins, config);
    }

    /** {@code configured} as browsers send them, or the frontend's origin when none are configured. */
    static List<String> originsOrFrontend(List<URI> configured, EnvironmentConfig config) {
        List<URI> origins = configured.isEmpty() ? List.of(config.frontend().url()) : configured;
        return origins.stream().map(CorsPolicy::origin).distinct().toList();
    }

    /**
     * The methods to preflight: each configured method a browser would preflight, or POST when all are
     * safelisted, since a JSON body makes a browser preflight even a POST.
     */
    public List<String> preflightMethods() {
        List<String> unsafe = methods.stream().filter(m -> !SAFELISTED_METHODS.contains(m)).toList();
        return unsafe.isEmpty() ? List.of("POST") : unsafe;
    }

    public static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return scheme + "://" + url.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
