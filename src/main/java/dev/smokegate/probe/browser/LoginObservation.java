package dev.smokegate.probe.browser;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GitHub login in a real browser, as raw facts: every page the flow went through, how it ended, and, when it
 * came back to the app, what the app left in the browser and how its logout behaved. The four browser checks judge
 * this one observation.
 *
 * <p>Some facts are secret (the OAuth codes GitHub sent to the callback, a token the app may have left in the
 * page): they are kept so that the checks can look for them, and {@link #masked} removes them, with any GitHub
 * token, from whatever text goes into a report. URLs of steps are masked already; screenshots are taken on
 * arrival, before anything is typed, and withheld when the page shows a secret.
 *
 * @param browser        where the browser ran ("the local Chromium (/usr/bin/chromium)", "the Selenium Grid at …")
 * @param steps          the pages in order
 * @param end            how the flow ended
 * @param finalUrl       the URL the browser landed on back at the app (raw)
 * @param finalDom       that page's DOM as serialised by the browser (raw)
 * @param localStorage   that page's {@code localStorage} (raw)
 * @param sessionStorage that page's {@code sessionStorage} (raw)
 * @param me             the "who am I" endpoint's answer, read in the browser with its cookies
 * @param sessionCookie  the session cookie as the browser holds it
 * @param requests       every request the browser sent, with its Referer
 * @param documents      every page (main-frame document) the browser received, with its status
 * @param oauthCodes     the {@code code} values GitHub sent to the app's callback (raw)
 * @param console        the browser console's messages
 * @param logout         the logout and the replays of the old session cookie, when a logout URL is configured
 * @param forgedState    the app's callback given a real authorization code with a state it never issued, once the
 *                       login completed
 * @param observedAt     when the session cookie was read (lifetimes are measured from here)
 */
public record LoginObservation(String browser, List<LoginStep> steps, End end, Optional<String> finalUrl,
                               Optional<String> finalDom, Map<String, String> localStorage,
                               Map<String, String> sessionStorage, Optional<MeAnswer> me,
                               Optional<BrowserCookie> sessionCookie, List<SentRequest> requests,
                               List<Document> documents, List<String> oauthCodes, List<String> console,
                               Optional<Logout> logout, Optional<ForgedState> forgedState, Instant observedAt,
                               Optional<IssuedToken> issuedToken) {

    /**
     * GitHub's token formats: {@code gho_} OAuth app tokens, {@code ghu_} user-to-server, {@code ghp_} personal,
     * {@code ghs_} server-to-server and {@code ghr_} refresh tokens, each a prefix and Base62 characters.
     */
    public static final Pattern GITHUB_TOKEN = Pattern.compile("\\bgh[oupsr]_[A-Za-z0-9]{20,255}\\b");
    public static final String MASK = "[REDACTED]";
    /** A secret URL parameter, also inside a URL-encoded one ({@code return_to=%2F...%26state%3D...}). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:[?&#;]|%3F|%26|%23)(?:code|state|access_token|refresh_token|id_token|token)(?:=|%3D))"
                    + "([^&#\\s\"'<>%]+)");

    public LoginObservation {
        steps = List.copyOf(steps);
        localStorage = Map.copyOf(localStorage);
        sessionStorage = Map.copyOf(sessionStorage);
        requests = List.copyOf(requests);
        documents = List.copyOf(documents);
        oauthCodes = List.copyOf(oauthCodes);
        console = List.copyOf(console);
    }

    /**
     * How the flow ended.
     *
     * @param detail one line for the report, naming the page or what went wrong; never holds a secret
     */
    public record End(Kind kind, String detail) {

        public enum Kind {
            /** Left GitHub and arrived back at the app. */
            LANDED,
            /** The app did not send the browser to GitHub (no sign-in element, or it stayed on the app). */
            NOT_SENT_TO_GITHUB,
            /** GitHub's sign-in form came back with an error after the password was submitted. */
            PASSWORD_REFUSED,
            /** GitHub's two-factor page came back with an error after the TOTP code was submitted. */
            TOTP_REFUSED,
            /** A page the flow does not know (device verification, passkey prompt, rate limit ...). */
            UNKNOWN_PAGE,
            /** A page did not change or become ready within {@code browser.step-timeout}. */
            STUCK,
            /** A form asked for the test account's credentials somewhere they may not go. */
            CREDENTIALS_WITHHELD,
            /** The run's deadline came first, or the browser failed under the flow. */
            NOT_FINISHED
        }
    }

    /**
     * One page of the flow.
     *
     * @param page       what the flow took the page for ("GitHub sign-in (/login)")
     * @param url        the page's URL, codes, states and tokens masked
     * @param screenshot taken on arrival, unless {@code withheld} says why not
     */
    public record LoginStep(String page, String url, String title, Optional<Evidence> screenshot,
                            Optional<String> withheld) {
    }

    /** @param status 0 when the request got no HTTP answer; {@code body} then says why */
    public record MeAnswer(String url, int status, String body) {
    }

    /**
     * The session cookie as WebDriver reports it. {@code domain} starts with a dot when the cookie was set with a
     * {@code Domain} attribute; without one it is the exact host that set it (host-only).
     */
    public record BrowserCookie(String name, String domain, String path, boolean secure, boolean httpOnly,
                                Optional<String> sameSite, Optional<Instant> expiry) {

        public boolean hostOnly() {
            return !domain.startsWith(".");
        }
    }

    /** @param referer the Referer header the browser sent with it, if any (raw) */
    public record SentRequest(String url, Optional<String> referer) {
    }

    public record Document(String url, int status) {
    }

    /**
     * The app's logout, then the old session cookie sent again by smokegate's own HTTP client (TLS verified, like
     * any probe) to the "who am I" endpoint: before the logout, to show the cookie alone signs in, and after it.
     *
     * @param status the logout request's status, 0 when it got no readable answer ({@code detail} says why)
     */
    public record Logout(String method, String url, int status, String detail, HttpObservation replayBefore,
                         HttpObservation replayAfter) {
    }

    /**
     * GitHub's authorize URL as the app built it, with the state swapped for one the app never issued, opened in the
     * browser that has just signed in without the app's session: GitHub, already authorised, sends the browser
     * straight to the callback with a real code. An app that checks the state refuses it; one that does not signs
     * the browser in, which is login CSRF.
     *
     * @param callback     the callback URL GitHub sent the browser to (code and state masked)
     * @param status       the callback's answer, 0 when the network log saw none
     * @param meAfterwards the "who am I" endpoint read in the browser afterwards
     * @param detail       why the attempt could not be made, when it could not (then both answers are empty)
     */
    public record ForgedState(String callback, int status, Optional<MeAnswer> meAfterwards, Optional<String> detail) {
    }

    /**
     * What {@code auth.jwt.token-url} answered the signed-in session, asked by smokegate's own client before the
     * logout: the test user's JWT for the {@code auth.*} checks. It is a credential, so {@link #toString} never shows
     * it, and the redactor cuts every JWT in an artifact down to its header.
     *
     * @param status the answer's status; 0 when there was none or nothing was sent
     * @param detail why there is no token, when there is none
     */
    public record IssuedToken(String url, int status, Optional<String> token, String detail) {

        @Override
        public String toString() {
            return "IssuedToken[" + url + ", " + status + (token.isPresent() ? ", a token" : ", " + detail) + "]";
        }
    }

    /** Whether the flow came back to the app, so that what the app did there can be judged. */
    public boolean landed() {
        return end.kind() == End.Kind.LANDED;
    }

    /** The last screenshot taken, for a failure's report. */
    public Optional<Evidence> lastScreenshot() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).screenshot().isPresent()) {
                return steps.get(i).screenshot();
            }
        }
        return Optional.empty();
    }

    /** {@code text} with the OAuth codes seen, every GitHub token, and code/state/token URL parameters masked. */
    public String masked(String text) {
        return mask(text, oauthCodes);
    }

    /** The masking of {@link #masked}, for the probe, which masks before the observation exists. */
    static String mask(String text, List<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        out = GITHUB_TOKEN.matcher(out).replaceAll(MASK);
        Matcher m = SECRET_PARAMETER.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
    }
}
