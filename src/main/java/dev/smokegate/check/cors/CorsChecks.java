package dev.smokegate.check.cors;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.check.cors.ForeignOrigins.Foreign;
import dev.smokegate.check.http.HttpCheck;
import dev.smokegate.config.CorsPolicy;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.CorsObservation;
import dev.smokegate.probe.http.HttpProbes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code cors.*} checks, in report order. They all ask for the same requests (every allowed origin, then every
 * foreign one), so the backend sees one set of preflights and GETs per run; each check judges the origins it is
 * about.
 */
public final class CorsChecks {

    private CorsChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                cors(CheckSpec.gate("cors.allowed-origin", Severity.HIGH,
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
                        CorsChecks::allowed, CorsJudges::allowedOrigin),
                cors(CheckSpec.gate("cors.foreign-origin-rejected", Severity.CRITICAL,
                        "No foreign origin (a random one, null, look-alikes of each allowed origin: suffix, prefix, "
                                + "unescaped dot, http://, subdomain; Vercel previews unless allowed) is echoed in "
                                + "Access-Control-Allow-Origin or covered by *, on preflights or GET.",
                        "Allow an exact list, compared as whole strings: cors({ origin: ['https://app.example.com'] "
                                + "}). Never origin: true, a callback that returns true for any origin, or a regex "
                                + "without ^...$ anchors and escaped dots (/^https:\\/\\/app\\.example\\.com$/); "
                                + "never allow 'null' or *.vercel.app (set cors.allow-preview-origins only if "
                                + "previews must call this backend). Apply the same list to Socket.IO's cors "
                                + "option."),
                        CorsChecks::foreign, CorsJudges::foreignOriginRejected),
                cors(CheckSpec.gate("cors.credentials-wildcard", Severity.HIGH,
                        "No response pairs Access-Control-Allow-Origin: * with "
                                + "Access-Control-Allow-Credentials: true (browsers refuse it, so credentialed calls "
                                + "fail).",
                        "With credentials: true, replace origin: '*' by the exact origin list (cors({ origin: "
                                + "['https://app.example.com'], credentials: true })), never by origin: true; if the "
                                + "API uses no cookies, drop credentials instead."),
                        CorsChecks::origins, CorsJudges::credentialsWildcard));
    }

    public static List<String> allowed(EnvironmentConfig config) {
        return config.cors().allowedOrigins(config);
    }

    public static List<String> foreign(EnvironmentConfig config) {
        return ForeignOrigins.of(config).stream().map(Foreign::origin).toList();
    }

    /** Every origin sent, allowed first: the request all cors.* checks share. */
    public static List<String> origins(EnvironmentConfig config) {
        List<String> origins = new ArrayList<>(allowed(config));
        origins.addAll(foreign(config));
        return origins;
    }

    private static ObservedCheck<CorsObservation> cors(CheckSpec spec,
                                                   Function<EnvironmentConfig, List<String>> judgedOrigins,
                                                   CorsJudgement.Judge judge) {
        return HttpCheck.of(spec, CorsChecks::targets, CorsChecks::request, new CorsJudgement(judgedOrigins, judge));
    }

    private static List<Target> targets(EnvironmentConfig config) {
        String path = config.cors().path().orElse(config.backend().healthPath());
        return List.of(new Target(Target.BACKEND, config.backend().url().resolve(path).toString()));
    }

    private static ProbeRequest<CorsObservation> request(Target target, EnvironmentConfig config) {
        CorsPolicy policy = config.cors();
        return HttpProbes.cors(URI.create(target.address()), origins(config), policy.preflightMethods(),
                policy.requestHeaders());
    }
}
