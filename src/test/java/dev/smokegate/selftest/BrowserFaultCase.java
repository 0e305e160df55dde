package dev.smokegate.selftest;

import dev.smokegate.model.Outcome;
import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;

/**
 * One row of the browser checks' fault matrix: a fault injected into the reference deployment, the one check it
 * must fail (or, where the login cannot get through, leave unverified) with a fragment of its message. The other
 * browser checks must pass, or, when the login itself cannot complete, be unverified too.
 */
record BrowserFaultCase(Fault fault, String check, Outcome outcome, String fragment) {

    static final String LOGIN = "oauth.login.completes";
    static final String COOKIE = "oauth.session-cookie.flags";
    static final String LEAK = "oauth.no-token-leak";
    static final String LOGOUT = "oauth.logout.invalidates";
    static final String STATE = "oauth.callback.state-verified";
    static final List<String> CHECKS = List.of(LOGIN, COOKIE, LEAK, LOGOUT, STATE);
    /**
     * The check a wrong TOTP secret in the config fails ("GitHub refused the TOTP code"): a matter of the test
     * account, not a switch of the deployment, so it is its own test in {@link BrowserFaultMatrixTest}.
     */
    static final String FAILED_BY_A_WRONG_TOTP_SECRET = LOGIN;

    /** Whether the login cannot complete under this fault, so that the checks judging its result cannot tell. */
    boolean stopsTheLogin() {
        return check.equals(LOGIN);
    }

    Map<String, String> failing() {
        return outcome == Outcome.FAILED ? Map.of(check, fragment) : Map.of();
    }

    static final List<BrowserFaultCase> ALL = List.of(
            new BrowserFaultCase(Fault.OAUTH_SESSION_COOKIE_NOT_HTTPONLY, COOKIE, Outcome.FAILED,
                    "session cookie sid: not HttpOnly"),
            new BrowserFaultCase(Fault.OAUTH_SESSION_COOKIE_NOT_SECURE, COOKIE, Outcome.FAILED,
                    "session cookie sid: not Secure"),
            new BrowserFaultCase(Fault.OAUTH_SESSION_COOKIE_SAMESITE_NONE, COOKIE, Outcome.FAILED,
                    "SameSite=None, expected lax or strict"),
            new BrowserFaultCase(Fault.CODE_LEFT_IN_URL, LEAK, Outcome.FAILED,
                    "the OAuth code in the URL the login landed on"),
            new BrowserFaultCase(Fault.TOKEN_IN_LOCAL_STORAGE, LEAK, Outcome.FAILED,
                    "a GitHub token (gho_…) in localStorage"),
            new BrowserFaultCase(Fault.LOGOUT_KEEPS_SESSION, LOGOUT, Outcome.FAILED,
                    "the old session cookie still signs in"),
            new BrowserFaultCase(Fault.STATE_NOT_CHECKED, STATE, Outcome.FAILED,
                    "the app does not check the OAuth state"),
            new BrowserFaultCase(Fault.CONSENT_NEVER_ENABLES, LOGIN, Outcome.BROKEN,
                    "GitHub's Authorize button (#js-oauth-authorize-btn) did not become enabled within"),
            new BrowserFaultCase(Fault.DEVICE_VERIFICATION, LOGIN, Outcome.BROKEN,
                    "GitHub's device verification page (/sessions/verified-device)"));
}
