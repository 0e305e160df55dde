package dev.smokegate.check.oauth;

import dev.smokegate.check.Check;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import java.util.List;

/**
 * The {@code oauth.*} checks that need a real browser and the test account, in report order. They share one login
 * per run, so they are nightly and full only: the gate decides a deploy without credentials.
 */
public final class LoginChecks {

    private LoginChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                new LoginCheck(CheckSpec.nightly("oauth.login.completes", Severity.CRITICAL,
                        "The test account signs in through GitHub in a real browser (password, TOTP, consent when "
                                + "asked), comes back to the app, and the \"who am I\" endpoint names it.",
                        "Follow the steps' screenshots to where the login stopped: a refused password or TOTP code "
                                + "means the test account's secrets are stale; an app that never reaches GitHub or "
                                + "answers the callback with an error needs its OAuth settings (client id, secret, "
                                + "callback URL) checked against the GitHub OAuth app; a page the flow does not "
                                + "know (device verification, passkey) needs the test account set up to skip it."),
                        LoginJudges::loginCompletes, false),
                new LoginCheck(CheckSpec.nightly("oauth.session-cookie.flags", Severity.HIGH,
                        "The session cookie the login sets is Secure, HttpOnly, SameSite Lax or Strict "
                                + "(oauth.same-site), host-only or scoped to its own host, and lives no longer than "
                                + "oauth.max-session-lifetime.",
                        "Set the session cookie with Secure, HttpOnly, SameSite=Lax and no Domain attribute "
                                + "(express-session: cookie: {secure: true, httpOnly: true, sameSite: 'lax', maxAge: "
                                + "8 * 3600 * 1000}, and app.set('trust proxy', 1) behind Railway's proxy)."),
                        LoginJudges::sessionCookieFlags, false),
                new LoginCheck(CheckSpec.nightly("oauth.no-token-leak", Severity.CRITICAL,
                        "No GitHub token and no OAuth code in the URL the login lands on, the page's DOM, "
                                + "localStorage, sessionStorage, or the Referer sent to third-party origins.",
                        "Exchange the code on the server and keep the GitHub token there (in the server-side "
                                + "session); redirect from the callback to a clean URL; never hand the token to the "
                                + "frontend or store it in Web Storage; send Referrer-Policy: "
                                + "strict-origin-when-cross-origin or stricter."),
                        LoginJudges::noTokenLeak, false),
                new LoginCheck(CheckSpec.nightly("oauth.logout.invalidates", Severity.HIGH,
                        "After the app's logout (oauth.logout-url), the old session cookie sent again to the "
                                + "\"who am I\" endpoint is refused.",
                        "Destroy the server-side session on logout (express-session: req.session.destroy(), which "
                                + "removes it from the Redis store), not just the cookie in the browser; with "
                                + "stateless tokens, keep a revocation list until they expire."),
                        LoginJudges::logoutInvalidates, true),
                new LoginCheck(CheckSpec.nightly("oauth.callback.state-verified", Severity.CRITICAL,
                        "Given a real authorization code with a state the app never issued (GitHub's authorize URL "
                                + "opened again with a forged state), the callback refuses it and signs nobody in.",
                        "Compare the callback's state with the one stored in the visitor's session and refuse a "
                                + "mismatch before exchanging the code (passport-github2: state: true; next-auth "
                                + "checks it by default); never accept a login without a matching state."),
                        LoginJudges::stateVerified, false));
    }
}
