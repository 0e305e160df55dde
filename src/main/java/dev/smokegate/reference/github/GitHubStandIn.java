package dev.smokegate.reference.github;

import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.Route;
import dev.smokegate.reference.web.Site;
import java.time.Clock;
import java.util.List;

/**
 * github.com for one test account and one OAuth app, on one host, the way GitHub Enterprise Server serves it: the
 * web flow at {@code https://HOST/} and the REST API at {@code https://HOST/api/v3/}. The only fake part of the
 * reference deployment's GitHub login: the app signing in through it is real code with real libraries.
 *
 * <p>Sign-in takes the password, then an RFC 6238 code ({@code /sessions/two-factor/app}); authorising the app
 * takes a click on a consent button that page script enables after a second. {@link StandInFaults} switches on
 * what real GitHub sometimes does instead: a button that never enables, a device verification nobody can pass.
 */
public final class GitHubStandIn {

    private final SignIn signIn;
    private final OAuthEndpoints oauth;
    private final WebSessions sessions;

    public GitHubStandIn(String host, GitHubAccount account, OAuthAppRegistration app, StandInFaults faults,
                         Clock clock) {
        this.sessions = new WebSessions();
        this.signIn = new SignIn(account, sessions, faults, clock);
        this.oauth = new OAuthEndpoints(host, app, sessions, new Grants(clock), faults);
    }

    public Site site() {
        return new Site(List.of(
                get(SignIn.LOGIN, signIn::loginPage),
                post(SignIn.PASSWORD, signIn::password),
                get(SignIn.TWO_FACTOR_PAGE, signIn::twoFactorPage),
                post(SignIn.TWO_FACTOR, signIn::twoFactor),
                get(SignIn.DEVICE_VERIFICATION, signIn::deviceVerification),
                post(SignIn.DEVICE_VERIFICATION, signIn::deviceVerification),
                get(AuthorizationRequest.PATH, oauth::authorize),
                post(AuthorizationRequest.PATH, oauth::consent),
                post(OAuthEndpoints.ACCESS_TOKEN, oauth::accessToken),
                get(OAuthEndpoints.USER, oauth::user),
                get("/", this::home),
                Route.any(request -> Response.html(404, GitHubPages.error("Page not found",
                        "This is not the web page you are looking for.")))),
                List.of());
    }

    private Response home(Request request) {
        return sessions.signedIn(request)
                .map(user -> Response.html(200, GitHubPages.dashboard(user.login())))
                .orElseGet(() -> Response.redirect(302, SignIn.LOGIN));
    }

    private static Route get(String path, Handler handler) {
        return new Route(request -> (request.method().equals("GET") || request.isHead())
                && request.rawPath().equals(path), handler);
    }

    private static Route post(String path, Handler handler) {
        return new Route(request -> request.method().equals("POST") && request.rawPath().equals(path), handler);
    }
}
