package dev.smokegate.reference;

import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.ResponseFilter;
import dev.smokegate.reference.web.Route;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The backend's CORS policy as the npm {@code cors} package applies it with an exact origin list and
 * {@code credentials: true}: preflights are answered before any route, actual responses get the allow headers.
 * Each CORS fault swaps the origin test for one of the mistakes seen in real apps.
 */
final class CorsMiddleware {

    static final String ALLOWED_ORIGIN = "https://" + ReferenceHosts.FRONTEND;
    private static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";
    private static final String HEADERS = "Content-Type,Authorization";
    /** The classic mistake: a regex whose dots match any character. */
    private static final Pattern UNESCAPED = Pattern.compile("^https://app.smokegate.test$");
    private static final Pattern VERCEL_PREVIEW = Pattern.compile("^https://[a-z0-9-]+\\.vercel\\.app$");

    private final FaultSwitches faults;

    CorsMiddleware(FaultSwitches faults) {
        this.faults = faults;
    }

    /** Answers every preflight, allowed or not, with 204 as the cors package does; routes never see it. */
    Route preflight() {
        return new Route(CorsMiddleware::isPreflight, request -> {
            Response response = allowHeaders(request, Response.text(204, ""));
            return allowedOrigin(request).isPresent()
                    ? response.withHeader("Access-Control-Allow-Methods", METHODS)
                    .withHeader("Access-Control-Allow-Headers", HEADERS)
                    .withHeader("Access-Control-Max-Age", "600")
                    : response;
        });
    }

    ResponseFilter actual() {
        return (request, response) -> isPreflight(request) ? response : allowHeaders(request, response);
    }

    private static boolean isPreflight(Request request) {
        return request.method().equals("OPTIONS")
                && request.headers().getFirst("Access-Control-Request-Method") != null;
    }

    private Response allowHeaders(Request request, Response response) {
        Response r = faults.isOn(Fault.CORS_NO_VARY_ORIGIN) ? response : response.withHeader("Vary", "Origin");
        if (faults.isOn(Fault.CORS_WILDCARD_WITH_CREDENTIALS)) {
            return r.withHeader("Access-Control-Allow-Origin", "*")
                    .withHeader("Access-Control-Allow-Credentials", "true");
        }
        return allowedOrigin(request).map(origin -> r.withHeader("Access-Control-Allow-Origin", origin)
                .withHeader("Access-Control-Allow-Credentials", "true")).orElse(r);
    }

    private Optional<String> allowedOrigin(Request request) {
        String origin = request.headers().getFirst("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        boolean allowed = origin.equals(ALLOWED_ORIGIN)
                || faults.isOn(Fault.CORS_REFLECTS_ANY_ORIGIN)
                || faults.isOn(Fault.CORS_ORIGIN_ENDS_WITH) && origin.endsWith(ReferenceHosts.FRONTEND)
                || faults.isOn(Fault.CORS_ORIGIN_STARTS_WITH) && origin.startsWith(ALLOWED_ORIGIN)
                || faults.isOn(Fault.CORS_UNESCAPED_DOT) && UNESCAPED.matcher(origin).matches()
                || faults.isOn(Fault.CORS_NULL_ORIGIN) && origin.equals("null")
                || faults.isOn(Fault.CORS_HTTP_ORIGIN) && origin.equals("http://" + ReferenceHosts.FRONTEND)
                || faults.isOn(Fault.CORS_VERCEL_PREVIEWS) && VERCEL_PREVIEW.matcher(origin).matches();
        return allowed ? Optional.of(origin) : Optional.empty();
    }
}
