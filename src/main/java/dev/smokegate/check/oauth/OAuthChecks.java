package dev.smokegate.check.oauth;

import dev.smokegate.check.Check;
import dev.smokegate.check.http.HttpCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.probe.oauth.OAuthProbes;
import java.util.List;

/** The {@code oauth.*} checks, in report order. */
public final class OAuthChecks {

    private OAuthChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                HttpCheck.of(CheckSpec.gate("oauth.redirect.params", Severity.HIGH,
                                "Starting the login redirects to GitHub's authorize URL with the configured client_id, "
                                        + "exactly the configured https callback as redirect_uri, scopes within "
                                        + "oauth.allowed-scopes, a state of at least 128 random bits that is new on "
                                        + "every start, and PKCE S256 when a challenge is sent.",
                                "Let the OAuth library build the authorize URL (passport-github2 with state: true, "
                                        + "next-auth): set callbackURL to the production https callback, not a "
                                        + "preview or http URL, request only the scopes the app uses, and keep "
                                        + "the state random per login (32 bytes from crypto.randomBytes)."),
                                OAuthChecks::login, (target, config) -> OAuthProbes.loginStarts(
                                        config.oauth().loginUrl().orElseThrow()), AuthorizeRedirect::judge)
                        .withNotApplicable(config -> "no login to check: set oauth.login-url")
                        .alsoUsing("oauth.client-id"),
                HttpCheck.of(CheckSpec.gate("oauth.callback.forged-state-rejected", Severity.CRITICAL,
                                "The OAuth callback refuses forged requests (no state, a state it never issued, "
                                        + "a made-up code, a replayed state) with a 4xx or an error page, never a 5xx, "
                                        + "and signs nobody in.",
                                "Verify the state against the one stored in the visitor's session and delete it on "
                                        + "first use (passport's state: true does both), and turn OAuth errors into a "
                                        + "403 or a redirect to the login page with an error instead of letting them "
                                        + "reach the default error handler."),
                                OAuthChecks::callback, (target, config) -> OAuthProbes.forgedCallbacks(
                                        config.oauth().loginUrl().orElseThrow(),
                                        config.oauth().callbackUrl().orElseThrow(), config.oauth().meUrl()),
                                ForgedCallbackJudge::judge)
                        .withNotApplicable(config -> "no callback to check: set oauth.login-url and "
                                + "oauth.callback-url")
                        .alsoUsing("oauth.client-id"),
                HttpCheck.of(CheckSpec.gate("oauth.client-id.matches", Severity.HIGH,
                                "The GitHub client id the frontend's public bundle carries (its "
                                        + "NEXT_PUBLIC_GITHUB_CLIENT_ID) is the one the backend's login sends.",
                                "Build the frontend with the backend's OAuth app: set NEXT_PUBLIC_GITHUB_CLIENT_ID in "
                                        + "the frontend's production environment (Vercel) to the backend's "
                                        + "GITHUB_CLIENT_ID (Railway) and redeploy the frontend; preview and staging "
                                        + "builds use other OAuth apps, so check which environment the build read."),
                                OAuthChecks::frontend, (target, config) -> OAuthProbes.clientIds(config,
                                        config.oauth().loginUrl().orElseThrow()), ClientIdJudge::judge)
                        .withNotApplicable(config -> "no backend client id to compare with: set oauth.login-url"));
    }

    private static List<Target> login(EnvironmentConfig config) {
        return config.oauth().loginUrl().map(url -> List.of(new Target(Target.LOGIN, url.toString())))
                .orElse(List.of());
    }

    private static List<Target> frontend(EnvironmentConfig config) {
        return config.oauth().loginUrl().isPresent()
                ? List.of(new Target(Target.FRONTEND, config.frontend().url().toString())) : List.of();
    }

    private static List<Target> callback(EnvironmentConfig config) {
        return config.oauth().callbackUrl().isPresent() ? login(config) : List.of();
    }
}
