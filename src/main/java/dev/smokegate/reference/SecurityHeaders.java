package dev.smokegate.reference;

import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.ResponseFilter;
import dev.smokegate.reference.ws.WsVariant;
import java.util.function.Predicate;

/**
 * The security headers a well-configured origin sends on HTTPS, as the seed requires them. Only the frontend's
 * follow the header fault switches, so a header fault breaks exactly one origin.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** An API answers JSON: it needs no sources at all. */
    private static final String BACKEND_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    static ResponseFilter backend() {
        return (request, response) -> apply(response.withHeader("Content-Security-Policy", BACKEND_CSP),
                fault -> false);
    }

    static ResponseFilter frontend(FaultSwitches faults) {
        return (request, response) -> apply(withCookies(withFrontendCsp(response, faults::isOn), faults::isOn),
                faults::isOn);
    }

    /** A session cookie as a Next.js app with server sessions sets it, and a harmless preference cookie. */
    private static Response withCookies(Response response, Predicate<Fault> on) {
        String session = "__Host-sid=" + java.util.UUID.randomUUID() + "; Path=/; Secure; SameSite=Lax"
                + (on.test(Fault.SESSION_COOKIE_NOT_HTTPONLY) ? "" : "; HttpOnly");
        String theme = "theme=light; Path=/; Max-Age=31536000"
                + (on.test(Fault.COOKIE_NOT_SECURE) || on.test(Fault.SAMESITE_NONE_WITHOUT_SECURE) ? "" : "; Secure")
                + (on.test(Fault.SAMESITE_NONE_WITHOUT_SECURE) ? "; SameSite=None" : "; SameSite=Lax");
        return response.withHeader("Set-Cookie", session).withHeader("Set-Cookie", theme);
    }

    /** Self, the API and the WebSocket rooms' origin, as the demo's frontend needs them. */
    private static Response withFrontendCsp(Response response, Predicate<Fault> on) {
        if (on.test(Fault.CSP_MISSING)) {
            return response;
        }
        String scripts = "'self'" + (on.test(Fault.CSP_UNSAFE_INLINE) ? " 'unsafe-inline'" : "")
                + (on.test(Fault.CSP_SCRIPT_WILDCARD) ? " *" : "")
                + (on.test(Fault.CSP_SCRIPT_HTTPS_SCHEME) ? " https:" : "")
                + (on.test(Fault.CSP_UNSAFE_EVAL) ? " 'unsafe-eval'" : "");
        String api = on.test(Fault.CSP_BLOCKS_API) ? "" : " https://" + ReferenceHosts.BACKEND;
        String policy = "default-src 'self'; script-src " + scripts + "; connect-src 'self'" + api + " wss://"
                + WsVariant.RAW.host()
                + "; img-src 'self' data:; style-src 'self'"
                + (on.test(Fault.CSP_NO_OBJECT_SRC) ? "" : "; object-src 'none'")
                + "; base-uri 'self'" + (on.test(Fault.NO_FRAME_PROTECTION) ? "" : "; frame-ancestors 'none'");
        return response.withHeader(on.test(Fault.CSP_REPORT_ONLY) ? "Content-Security-Policy-Report-Only"
                : "Content-Security-Policy", policy);
    }

    /**
     * The apex only redirects, but the redirect is what the preload list judges: it carries the same HSTS policy,
     * set once at the edge for every host of the project, so an HSTS fault shows on both.
     */
    static ResponseFilter apex(FaultSwitches faults) {
        return (request, response) -> hsts(response, faults::isOn);
    }

    private static Response hsts(Response response, Predicate<Fault> on) {
        Response r = response;
        if (on.test(Fault.HSTS_DUPLICATE_HEADER)) {
            r = r.withHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!on.test(Fault.HSTS_MISSING)) {
            String maxAge = on.test(Fault.HSTS_SHORT_MAX_AGE) ? "300"
                    : on.test(Fault.HSTS_QUOTED_MAX_AGE) ? "\"31536000\"" : "31536000";
            String subdomains = on.test(Fault.HSTS_NO_INCLUDE_SUBDOMAINS) ? ""
                    : on.test(Fault.HSTS_REPEATED_INCLUDE_SUBDOMAINS) ? "; includeSubDomains; includeSubDomains"
                    : "; includeSubDomains";
            String preload = on.test(Fault.HSTS_NO_PRELOAD) ? ""
                    : on.test(Fault.HSTS_EXTRA_DIRECTIVES) ? "; preload; preload; extraDirective" : "; preload";
            r = r.withHeader("Strict-Transport-Security", "max-age=" + maxAge + subdomains + preload);
        }
        return r;
    }

    private static Response apply(Response response, Predicate<Fault> on) {
        Response r = hsts(response, on);
        if (!on.test(Fault.NO_FRAME_PROTECTION)) {
            r = r.withHeader("X-Frame-Options", "DENY");
        }
        if (!on.test(Fault.NO_NOSNIFF)) {
            r = r.withHeader("X-Content-Type-Options", "nosniff");
        }
        r = r.withHeader("Referrer-Policy", on.test(Fault.REFERRER_UNSAFE_URL) ? "unsafe-url"
                : "strict-origin-when-cross-origin");
        if (!on.test(Fault.NO_PERMISSIONS_POLICY)) {
            r = r.withHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        }
        return r;
    }
}
