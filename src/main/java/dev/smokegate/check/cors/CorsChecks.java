package dev.smokegate.check.cors;

import dev.smokegate.check.Check;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import java.util.List;

/** The {@code cors.*} checks, in report order. */
public final class CorsChecks {

    private CorsChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                new CorsCheck(CheckSpec.gate("cors.allowed-origin", Severity.HIGH,
                        "Every allowed origin gets a 2xx preflight and a GET answer with Access-Control-Allow-Origin "
                                + "set to exactly that origin, Access-Control-Allow-Credentials: true exactly when "
                                + "credentials are configured, the configured methods and request headers allowed, "
                                + "and Vary: Origin.",
                        "Give the backend's CORS middleware the exact origin list and mount it before "
                                + "authentication and the routes, so OPTIONS is answered too. Express cors package: "
                                + "app.use(cors({ origin: ['https://app.example.com'], credentials: true, methods: "
                                + "['GET', 'POST', 'PUT'], allowedHeaders: ['Content-Type', 'Authorization'] })); "
                                + "Socket.IO takes the same object in new Server(httpServer, { cors: {...} }). The "
                                + "cors package adds Vary: Origin itself when the origin is a list; a header set by "
                                + "hand or by a proxy needs Vary: Origin added too."),
                        CorsCheck::allowed, CorsJudges::allowedOrigin),
                new CorsCheck(CheckSpec.gate("cors.foreign-origin-rejected", Severity.CRITICAL,
                        "No foreign origin (a random one, null, look-alikes of each allowed origin: suffix, prefix, "
                                + "unescaped dot, http://, subdomain; Vercel previews unless allowed) is echoed in "
                                + "Access-Control-Allow-Origin or covered by *, on preflights or GET.",
                        "Allow an exact list, compared as whole strings: cors({ origin: ['https://app.example.com'] "
                                + "}). Never origin: true, a callback that returns true for any origin, or a regex "
                                + "without ^...$ anchors and escaped dots (/^https:\\/\\/app\\.example\\.com$/); "
                                + "never allow 'null' or *.vercel.app (set cors.allow-preview-origins only if "
                                + "previews must call this backend). Apply the same list to Socket.IO's cors "
                                + "option."),
                        CorsCheck::foreign, CorsJudges::foreignOriginRejected),
                new CorsCheck(CheckSpec.gate("cors.credentials-wildcard", Severity.HIGH,
                        "No response pairs Access-Control-Allow-Origin: * with "
                                + "Access-Control-Allow-Credentials: true (browsers refuse it, so credentialed calls "
                                + "fail).",
                        "With credentials: true, replace origin: '*' by the exact origin list (cors({ origin: "
                                + "['https://app.example.com'], credentials: true })), never by origin: true; if the "
                                + "API uses no cookies, drop credentials instead."),
                        CorsCheck::origins, CorsJudges::credentialsWildcard));
    }
}
