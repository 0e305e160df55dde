package dev.smokegate.reference;

import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.ResponseFilter;
import java.util.function.Predicate;

/**
 * The security headers a well-configured origin sends on HTTPS, as the seed requires them. Only the frontend's
 * follow the header fault switches, so a header fault breaks exactly one origin.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static ResponseFilter backend() {
        return (request, response) -> apply(response, fault -> false);
    }

    static ResponseFilter frontend(FaultSwitches faults) {
        return (request, response) -> apply(response, faults::isOn);
    }

    private static Response apply(Response response, Predicate<Fault> on) {
        Response r = response;
        if (on.test(Fault.HSTS_DUPLICATE_HEADER)) {
            r = r.withHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!on.test(Fault.HSTS_MISSING)) {
            String maxAge = on.test(Fault.HSTS_SHORT_MAX_AGE) ? "300"
                    : on.test(Fault.HSTS_QUOTED_MAX_AGE) ? "\"31536000\"" : "31536000";
            String subdomains = on.test(Fault.HSTS_NO_INCLUDE_SUBDOMAINS) ? "" : "; includeSubDomains";
            r = r.withHeader("Strict-Transport-Security", "max-age=" + maxAge + subdomains + "; preload");
        }
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
