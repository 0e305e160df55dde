package dev.smokegate.check.auth;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.auth.JwtProbes;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The {@code auth.*} checks, in report order. */
public final class AuthChecks {

    private AuthChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                jwt(CheckSpec.gate("auth.jwt.forgery-rejected", Severity.CRITICAL,
                        "The authenticated endpoint accepts the test user's valid JWT and refuses (401/403, never "
                                + "a 5xx) forged ones: alg none in any casing, the signature stripped, the payload "
                                + "changed under the old signature, HS256 with a random key or with the server's "
                                + "public key, an expired token and one not yet valid.",
                        "Verify every token with the library's verify call (jwt.verify, not jwt.decode) and pin the "
                                + "algorithms to the one the app signs with (algorithms: ['HS256'] or ['RS256']), "
                                + "never 'none'; keep exp and nbf checks on (no ignoreExpiration), and turn "
                                + "verification errors into a 401 instead of letting them reach the error handler."),
                        AuthChecks::endpoint, config -> tokenMissing(config).orElse("no JWT endpoint to check: set "
                                + "auth.jwt.endpoint"),
                        config -> JwtProbes.forgeries(config.jwt().endpoint().orElseThrow(), config.jwt()),
                        JwtJudges::forgeries),
                jwt(CheckSpec.gate("auth.jwt.secret-strength", Severity.CRITICAL,
                        "The token's HMAC verifies with none of the well-known weak and default secrets, and "
                                + "a configured JWT secret is at least 32 bytes of high-entropy text.",
                        "Generate the signing secret randomly (node -e \"console.log(require('crypto')"
                                + ".randomBytes(48).toString('base64'))\"), set it as JWT_SECRET in the host's "
                                + "secret store, and rotate it: every token signed with the old one is forgeable."),
                        AuthChecks::token, config -> tokenMissing(config).orElseThrow(),
                        config -> JwtProbes.weakSecrets(config.jwt()), JwtJudges::secretStrength));
    }

    /**
     * A requirement on the app's JWTs ({@code auth.jwt}): one observation per environment, judged purely; the
     * requests behind an HTTP observation are its evidence (the redactor cuts every token in them to its header).
     */
    private static <O> Check<O> jwt(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
                                    Function<EnvironmentConfig, String> notApplicable,
                                    Function<EnvironmentConfig, ProbeRequest<O>> request,
                                    BiFunction<O, EnvironmentConfig, Verdict> judge) {
        return ObservedCheck.of(spec, targets, (target, config) -> request.apply(config), judge)
                .withNotApplicable(notApplicable).alsoUsing("auth.jwt")
                .withBrowserLogin(config -> config.jwt().tokenFromLogin() ? Optional.of("its token comes from the "
                        + "browser login (auth.jwt.token-url; auth.jwt.token is not set)") : Optional.empty());
    }

    private static List<Target> endpoint(EnvironmentConfig config) {
        return tokenMissing(config).isPresent() ? List.of() : config.jwt().endpoint()
                .map(url -> List.of(new Target(Target.BACKEND, url.toString()))).orElse(List.of());
    }

    private static List<Target> token(EnvironmentConfig config) {
        return tokenMissing(config).isPresent() ? List.of() : List.of(Target.environment(config.name()));
    }

    /** Why there is no token for the test user: none configured, or one from a login that cannot run here. */
    private static Optional<String> tokenMissing(EnvironmentConfig config) {
        if (!config.jwt().hasTokenSource()) {
            return Optional.of("no token to check: set auth.jwt.token, or auth.jwt.token-url with the oauth test "
                    + "account");
        }
        if (config.jwt().tokenFromLogin()) {
            return config.oauth().browserLoginMissing(false).map(why -> "no token: auth.jwt.token is not set and "
                    + "the browser login that would get one from auth.jwt.token-url cannot run: " + why);
        }
        return Optional.empty();
    }
}
