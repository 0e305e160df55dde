package dev.smokegate.reference.github;

import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Password, then the authenticator app's code, as github.com signs a user with two-factor authentication in.
 * Codes are checked as RFC 6238 §5.2 recommends: one time step either side for clock drift, and no code accepted
 * twice, so a code at or before the last accepted step is refused even inside the window.
 */
final class SignIn {

    static final String LOGIN = "/login";
    static final String PASSWORD = "/session";
    static final String TWO_FACTOR_PAGE = "/sessions/two-factor/app";
    static final String TWO_FACTOR = "/sessions/two-factor";
    static final String DEVICE_VERIFICATION = "/sessions/verified-device";
    static final String WRONG_PASSWORD = "Incorrect username or password.";
    static final String WRONG_CODE = "Two-factor authentication failed.";
    static final String WRONG_DEVICE_CODE = "Incorrect verification code provided.";

    private final GitHubAccount account;
    private final byte[] totpKey;
    private final WebSessions sessions;
    private final StandInFaults faults;
    private final Clock clock;
    /** The time step of the last code accepted; guarded by this. */
    private long lastAcceptedStep = Long.MIN_VALUE;

    SignIn(GitHubAccount account, WebSessions sessions, StandInFaults faults, Clock clock) {
        this.account = account;
        this.totpKey = account.totpKey();
        this.sessions = sessions;
        this.faults = faults;
        this.clock = clock;
    }

    Response loginPage(Request request) {
        String returnTo = localPath(FormFields.parse(request.rawQuery()).getOrEmpty("return_to"));
        if (sessions.signedIn(request).isPresent()) {
            return Response.redirect(302, returnTo);
        }
        return Response.html(200, GitHubPages.signIn(returnTo, Optional.empty()));
    }

    Response password(Request request) {
        FormFields form = FormFields.parse(request.body());
        String returnTo = localPath(form.getOrEmpty("return_to"));
        boolean right = form.getOrEmpty("login").equalsIgnoreCase(account.login())
                && MessageDigest.isEqual(form.getOrEmpty("password").getBytes(StandardCharsets.UTF_8),
                account.password().getBytes(StandardCharsets.UTF_8));
        if (!right) {
            return Response.html(200, GitHubPages.signIn(returnTo, Optional.of(WRONG_PASSWORD)));
        }
        boolean verifyDevice = faults.asksForDeviceVerification();
        String pending = sessions.startPending(new WebSessions.Pending(returnTo, verifyDevice));
        return Response.redirect(302, verifyDevice ? DEVICE_VERIFICATION : TWO_FACTOR_PAGE)
                .withHeader("Set-Cookie", Cookies.set(Cookies.PENDING, pending));
    }

    Response twoFactorPage(Request request) {
        Optional<WebSessions.Pending> pending = sessions.pending(request);
        if (pending.isEmpty()) {
            return Response.redirect(302, LOGIN);
        }
        if (pending.get().needsDeviceVerification()) {
            return Response.redirect(302, DEVICE_VERIFICATION);
        }
        return Response.html(200, GitHubPages.twoFactor(Optional.empty()));
    }

    Response twoFactor(Request request) {
        Optional<WebSessions.Pending> pending = sessions.pending(request);
        if (pending.isEmpty() || pending.get().needsDeviceVerification()) {
            return twoFactorPage(request);
        }
        if (!accept(FormFields.parse(request.body()).getOrEmpty("app_otp").trim())) {
            return Response.html(200, GitHubPages.twoFactor(Optional.of(WRONG_CODE)));
        }
        String session = sessions.signIn(request, account.login());
        return Response.redirect(302, pending.get().returnTo())
                .withHeader("Set-Cookie", Cookies.set(Cookies.USER_SESSION, session))
                .withHeader("Set-Cookie", Cookies.expire(Cookies.PENDING));
    }

    /** Asks for a code GitHub e-mailed, which nobody can read here: a dead end by design. */
    Response deviceVerification(Request request) {
        if (sessions.pending(request).isEmpty()) {
            return Response.redirect(302, LOGIN);
        }
        Optional<String> error = request.method().equals("POST") ? Optional.of(WRONG_DEVICE_CODE) : Optional.empty();
        return Response.html(200, GitHubPages.deviceVerification(error));
    }

    private synchronized boolean accept(String code) {
        long now = Totp.GITHUB.stepAt(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            byte[] expected = Totp.GITHUB.forStep(totpKey, step).getBytes(StandardCharsets.US_ASCII);
            boolean matches = MessageDigest.isEqual(expected, code.getBytes(StandardCharsets.US_ASCII));
            if (matches && step > lastAcceptedStep) {
                lastAcceptedStep = step;
                return true;
            }
        }
        return false;
    }

    /** Only a path on this host: an absolute or scheme-relative {@code return_to} would be an open redirect. */
    static String localPath(String returnTo) {
        boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\");
        return local ? returnTo : "/";
    }
}
