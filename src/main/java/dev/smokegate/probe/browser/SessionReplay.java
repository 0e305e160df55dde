package dev.smokegate.probe.browser;

import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.browser.LoginObservation.Logout;
import dev.smokegate.probe.browser.LoginObservation.MeAnswer;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Logs out and sends the old session cookie again, as someone who copied it would: from smokegate's own HTTP
 * client (TLS verified, connect-to applied, like every probe), not from the browser, whose cookie the logout
 * cleared. The same replay before the logout shows that the cookie alone signs in, so a refusal afterwards is
 * the logout's doing.
 */
final class SessionReplay {

    private final ProbeContext context;
    private final URI me;
    private final String cookieName;
    private final String cookieValue;

    SessionReplay(ProbeContext context, URI me, String cookieName, String cookieValue) {
        this.context = context;
        this.me = me;
        this.cookieName = cookieName;
        this.cookieValue = cookieValue;
    }

    /** @param logout performs the app's logout in the browser and returns its answer */
    Logout logOut(Supplier<MeAnswer> logout) {
        HttpObservation before = replay();
        MeAnswer answer = logout.get();
        HttpObservation after = replay();
        String detail = answer.status() == 0 ? answer.body() : "";
        return new Logout(context.config().oauth().logoutMethod(), answer.url(), answer.status(), detail, before,
                after);
    }

    private HttpObservation replay() {
        return HttpFetcher.fetch(HttpRequest.get(me).withHeader("Cookie", cookieName + "=" + cookieValue)
                .withHeader("Accept", "application/json"), context);
    }
}
