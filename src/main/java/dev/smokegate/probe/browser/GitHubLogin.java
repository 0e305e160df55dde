package dev.smokegate.probe.browser;

import dev.smokegate.config.OAuthSettings;
import dev.smokegate.config.Ports;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Excerpt;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.browser.LoginObservation.BrowserCookie;
import dev.smokegate.probe.browser.LoginObservation.End;
import dev.smokegate.probe.browser.LoginObservation.End.Kind;
import dev.smokegate.probe.browser.LoginObservation.ForgedState;
import dev.smokegate.probe.browser.LoginObservation.IssuedToken;
import dev.smokegate.probe.browser.LoginObservation.LoginStep;
import dev.smokegate.probe.browser.LoginObservation.MeAnswer;
import dev.smokegate.probe.browser.LoginObservation.SentRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs the test account in to the app through GitHub in a browser, as a person would: click "Sign in with GitHub"
 * (or open the login URL), then answer whichever GitHub page comes, recognised by its path and elements, until the
 * browser is back at the app; then read what the app shows and left behind, and log out. A loop over pages, not a
 * fixed script, so an optional page (consent) may come or not; a page it does not know ends the flow, naming it.
 *
 * <p>Secrets go only where they belong: the password and TOTP codes are typed only into GitHub's own forms at
 * {@code oauth.github-url} over https. Every page is photographed when it is reached, before anything is typed
 * into it, and not at all when its text or fields show a secret. Every wait is bounded by
 * {@code browser.step-timeout} and by the run's deadline.
 */
final class GitHubLogin {

    /** A login is a handful of pages; more means a loop the flow should not follow. */
    private static final int MAX_PAGES = 12;
    /** How long the two-factor page gets to submit itself once the code is typed, as GitHub's does. */
    private static final Duration AUTO_SUBMIT = Duration.ofMillis(1500);
    /** Scripts an app runs once its page has loaded (storing what the callback gave it) get this long. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    /** TOTP codes tried, each of its own time step, before GitHub's refusal counts. */
    private static final int MAX_CODES = 2;
    /** A state no login of the app issued, marked so the network log shows the callback it comes back on. */
    private static final String FORGED = "smokegate-forged-state-" + Long.toHexString(new SecureRandom().nextLong());

    private final BrowserSession browser;
    private final WebDriver driver;
    private final ProbeContext context;
    private final OAuthSettings oauth;
    private final OAuthSettings.TestAccount account;
    private final OneTimeCodes codes;
    private final Instant deadline;
    private final NetworkLog network = new NetworkLog();
    private final List<LoginStep> steps = new ArrayList<>();
    private final List<String> typedCodes = new ArrayList<>();

    GitHubLogin(BrowserSession browser, ProbeContext context, OneTimeCodes codes, Instant deadline) {
        this.browser = browser;
        this.driver = browser.driver();
        this.context = context;
        this.oauth = context.config().oauth();
        this.account = oauth.account().orElseThrow(() -> new IllegalStateException("no test account configured"));
        this.codes = codes;
        this.deadline = deadline;
    }

    /** Thrown when the run's deadline leaves no time for the next wait. */
    private static final class OutOfTime extends Exception {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    LoginObservation observe() throws InterruptedException {
        End end;
        try {
            end = signIn();
        } catch (OutOfTime e) {
            end = new End(Kind.NOT_FINISHED, "the run's deadline came before the login finished");
        } catch (TimeoutException e) {
            end = new End(Kind.STUCK, masked(firstLine(e)));
            arriveQuietly("where the login got stuck");
        } catch (WebDriverException e) {
            end = new End(Kind.NOT_FINISHED, "the browser failed during the login: " + masked(firstLine(e)));
            arriveQuietly("where the browser failed");
        }
        if (end.kind() != Kind.LANDED) {
            drainQuietly();
            return observation(end, AppFacts.NONE);
        }
        AppFacts facts;
        try {
            facts = appFacts();
        } catch (OutOfTime e) {
            return observation(new End(Kind.NOT_FINISHED, "the run's deadline came while reading the app's "
                    + "session"), AppFacts.NONE);
        } catch (WebDriverException e) {
            drainQuietly();
            return observation(new End(Kind.NOT_FINISHED, "the browser failed while reading the app's session: "
                    + masked(firstLine(e))), AppFacts.NONE);
        }
        return observation(end, facts);
    }

    private End signIn() throws OutOfTime, InterruptedException {
        Optional<End> started = start();
        if (started.isPresent()) {
            return started.get();
        }
        boolean reachedGitHub = false;
        boolean passwordSent = false;
        int codesSent = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            awaitReady();
            URI url = currentUrl();
            if (isGitHub(url)) {
                reachedGitHub = true;
                String path = gitHubPath(url);
                GitHubPage kind = GitHubPage.of(path, this::present);
                arrive(kind == GitHubPage.UNKNOWN ? describeUnknown(path) : kind.label + " (" + path + ")");
                switch (kind) {
                    case SIGN_IN -> {
                        if (passwordSent) {
                            return new End(Kind.PASSWORD_REFUSED, "GitHub refused the test account's login or "
                                    + "password at " + path + flash());
                        }
                        Optional<End> refused = credentialsMayGoTo(url);
                        if (refused.isPresent()) {
                            return refused.get();
                        }
                        type("#login_field", account.login().value());
                        type("#password", account.password().value());
                        submitAndAwait("#password", "the sign-in form");
                        passwordSent = true;
                    }
                    case TWO_FACTOR -> {
                        // A code refused once may have been used by another process of the same account in this
                        // time step (GitHub takes each code once); a code of the next step settles it.
                        if (codesSent == MAX_CODES) {
                            return new End(Kind.TOTP_REFUSED, "GitHub refused the TOTP code at " + path + flash()
                                    + " (and the next time step's code too)");
                        }
                        Optional<End> refused = credentialsMayGoTo(url);
                        if (refused.isPresent()) {
                            return refused.get();
                        }
                        Optional<String> code = codes.next(account.totpSecret().value(), latestStart());
                        if (code.isEmpty()) {
                            return new End(Kind.NOT_FINISHED, "no unused TOTP code before the run's deadline (the "
                                    + "current one was used by an earlier login)");
                        }
                        typedCodes.add(code.get());
                        WebElement page0 = root();
                        type("#app_totp", code.get());
                        if (!awaitNewPage(page0, AUTO_SUBMIT)) {
                            submitAndAwait("#app_totp", "the two-factor form");
                        }
                        codesSent++;
                    }
                    case CONSENT -> {
                        Optional<String> stuck = authorizeApp();
                        if (stuck.isPresent()) {
                            return new End(Kind.STUCK, stuck.get());
                        }
                    }
                    case UNKNOWN -> {
                        return new End(Kind.UNKNOWN_PAGE, "the login stopped at " + describeUnknown(path)
                                + ", which the flow does not pass");
                    }
                    default -> throw new IllegalStateException(kind.name());
                }
            } else if (reachedGitHub && !isApp(url)) {
                arrive("a page outside the app (" + url.getHost() + ")");
                return new End(Kind.UNKNOWN_PAGE, "the login left GitHub for " + masked(url.toString())
                        + ", which is none of the environment's own hosts");
            } else if (reachedGitHub) {
                arrive("back at the app (" + url.getHost() + ")");
                return new End(Kind.LANDED, "back at the app at " + masked(url.toString()));
            } else {
                return new End(Kind.NOT_SENT_TO_GITHUB, "the app did not send the browser to GitHub ("
                        + oauth.githubUrl() + "): it stayed at " + masked(url.toString())
                        + network.statusOf(url.toString()).map(s -> " (" + s + ")").orElse(""));
            }
        }
        return new End(Kind.STUCK, "the login went through " + MAX_PAGES + " pages without coming back to the app");
    }

    /**
     * Clicks the consent page's Authorize button once its script enables it, and waits for the next page; empty
     * when that page came, else why the flow is stuck.
     */
    private Optional<String> authorizeApp() throws OutOfTime {
        WebElement authorize = driver.findElement(By.cssSelector(GitHubPage.CONSENT.marker));
        if (!awaitEnabled(authorize)) {
            return Optional.of("GitHub's Authorize button (" + GitHubPage.CONSENT.marker
                    + ") did not become enabled within " + seconds(browser.stepTimeout()));
        }
        WebElement before = root();
        authorize.click();
        if (!awaitNewPage(before, browser.stepTimeout())) {
            return Optional.of("nothing happened within " + seconds(browser.stepTimeout())
                    + " after clicking GitHub's Authorize button");
        }
        return Optional.empty();
    }

    /** Opens the login: clicks the sign-in element on the frontend, or opens the login URL. */
    private Optional<End> start() throws OutOfTime {
        if (oauth.signInSelector().isPresent()) {
            String selector = oauth.signInSelector().get();
            URI frontend = context.config().frontend().url();
            driver.get(frontend.toString());
            awaitReady();
            arrive("the app's sign-in page");
            Optional<WebElement> button = awaitElement(selector);
            if (button.isEmpty()) {
                return Optional.of(new End(Kind.NOT_SENT_TO_GITHUB, "no element matching oauth.sign-in-selector "
                        + selector + " on " + masked(currentUrl().toString()) + " within "
                        + seconds(browser.stepTimeout())));
            }
            WebElement before = root();
            button.get().click();
            if (!awaitNewPage(before, browser.stepTimeout())) {
                return Optional.of(new End(Kind.NOT_SENT_TO_GITHUB, "clicking " + selector + " on "
                        + masked(currentUrl().toString()) + " led nowhere within " + seconds(browser.stepTimeout())));
            }
        } else {
            driver.get(oauth.loginUrl().orElseThrow().toString());
        }
        return Optional.empty();
    }

    /** What the app shows and keeps once the browser is back: the page, storage, "who am I", cookie, logout. */
    private AppFacts appFacts() throws OutOfTime, InterruptedException {
        pause(SETTLE);
        awaitReady();
        String landedAt = driver.getCurrentUrl();
        String dom = driver.getPageSource();
        Map<String, String> local = storage("localStorage");
        Map<String, String> session = storage("sessionStorage");
        URI me = oauth.meUrl().orElseThrow();
        driver.get(me.toString());
        awaitReady();
        arrive("the app's \"who am I\" endpoint");
        MeAnswer answer = shownAnswer(me);
        Instant observedAt = Instant.now();
        Optional<Cookie> cookie = Optional.ofNullable(driver.manage().getCookieNamed(oauth.sessionCookie()));
        Optional<IssuedToken> issued = cookie.filter(c -> context.config().jwt().tokenFromLogin())
                .map(c -> TokenRequest.issue(context, c.getName(), c.getValue()));
        Optional<LoginObservation.Logout> logout = Optional.empty();
        if (oauth.logoutUrl().isPresent() && cookie.isPresent()) {
            logout = Optional.of(new SessionReplay(context, me, cookie.get().getName(), cookie.get().getValue())
                    .logOut(this::logOut));
        }
        ForgedState forged = forgedState(me);
        drainQuietly();
        return new AppFacts(Optional.of(landedAt), Optional.of(dom), local, session, Optional.of(answer),
                cookie.map(GitHubLogin::browserCookie), logout, Optional.of(forged), observedAt, issued);
    }

    /**
     * The app's own authorize URL with a state it never issued, opened without the app's session: GitHub sends the
     * browser straight back with a real code (the app is authorised now), so only the app's state check stands
     * between that code and a session. See {@link ForgedState}.
     */
    private ForgedState forgedState(URI me) throws OutOfTime {
        Optional<String> authorize = network.requests().stream().map(SentRequest::url)
                .filter(u -> isGitHub(URI.create(u)) && gitHubPath(URI.create(u)).equals(GitHubPage.AUTHORIZE_PATH))
                .findFirst();
        Optional<URI> callback = oauth.callbackUrl();
        if (authorize.isEmpty() || callback.isEmpty()) {
            return new ForgedState("", 0, Optional.empty(), Optional.of(authorize.isEmpty()
                    ? "the browser's network log holds no request to GitHub's authorize URL to forge"
                    : "no oauth.callback-url is configured"));
        }
        driver.get(me.toString());
        awaitReady();
        driver.manage().deleteCookieNamed(oauth.sessionCookie());
        driver.get(withForeignState(authorize.get()));
        awaitReady();
        if (isGitHub(currentUrl()) && present(GitHubPage.CONSENT.marker) && authorizeApp().isEmpty()) {
            awaitReady();
        }
        drainQuietly();
        // A request, not a document: a callback that signs the browser in answers with a redirect, which the log
        // records as the next request rather than as a page received.
        Optional<String> answered = network.requests().stream().map(SentRequest::url)
                .filter(u -> u.startsWith(callback.get().toString()) && u.contains("state=" + FORGED))
                .reduce((first, second) -> second);
        if (answered.isEmpty()) {
            arriveQuietly("where GitHub left the forged-state login");
            return new ForgedState("", 0, Optional.empty(), Optional.of("GitHub did not send the browser back to "
                    + callback.get() + " with the forged state; it stayed at " + masked(currentUrl().toString())));
        }
        arrive("the app's callback, given a real code and a forged state");
        driver.get(me.toString());
        awaitReady();
        MeAnswer afterwards = shownAnswer(me);
        if (afterwards.status() / 100 == 2 && oauth.logoutUrl().isPresent()) {
            logOut(); // the forged login worked: leave no session of the test account behind
        }
        return new ForgedState(masked(answered.get()), network.statusOf(answered.get()).orElse(0),
                Optional.of(afterwards), Optional.empty());
    }

    private static String withForeignState(String authorize) {
        String replaced = authorize.replaceAll("([?&])state=[^&]*", "$1state=" + FORGED);
        return replaced.equals(authorize) ? authorize + (authorize.contains("?") ? "&" : "?") + "state=" + FORGED
                : replaced;
    }

    /** What {@link #appFacts} found; nothing when the flow did not come back to the app. */
    private record AppFacts(Optional<String> finalUrl, Optional<String> dom, Map<String, String> local,
                            Map<String, String> session, Optional<MeAnswer> me, Optional<BrowserCookie> cookie,
                            Optional<LoginObservation.Logout> logout, Optional<ForgedState> forged,
                            Instant observedAt, Optional<IssuedToken> issued) {
        static final AppFacts NONE = new AppFacts(Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH,
                Optional.empty());
    }

    private LoginObservation observation(End end, AppFacts facts) {
        return new LoginObservation(browser.where(), steps, end, facts.finalUrl(), facts.dom(), facts.local(),
                facts.session(), facts.me(), facts.cookie(), network.requests(), network.documents(), oauthCodes(),
                network.console(), facts.logout(), facts.forged(), facts.observedAt(), facts.issued());
    }

    private static BrowserCookie browserCookie(Cookie c) {
        return new BrowserCookie(c.getName(), c.getDomain(), c.getPath(), c.isSecure(), c.isHttpOnly(),
                Optional.ofNullable(c.getSameSite()), Optional.ofNullable(c.getExpiry()).map(d -> d.toInstant()));
    }

    /**
     * The page the browser shows for {@code url}, opened just now: its status as the network log saw it and its
     * text (a browser shows a JSON answer as its text). Read this way, not with a script's request, because an API's
     * own Content-Security-Policy ({@code default-src 'none'}) forbids its pages to make requests.
     */
    private MeAnswer shownAnswer(URI url) {
        drainQuietly();
        Optional<Integer> status = network.statusOf(url.toString());
        // Chromium shows a JSON answer as text in a <pre> (with its own controls around it in newer versions).
        String text = String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const pre = document.querySelector('body > pre');"
                        + "return pre ? pre.innerText : (document.body ? document.body.innerText : '');"));
        return status.map(s -> new MeAnswer(url.toString(), s, Excerpt.of(text, 65536)))
                .orElseGet(() -> new MeAnswer(url.toString(), 0, "the browser's network log shows no answer from "
                        + url));
    }

    /**
     * The app's logout as a browser sends it: GET by opening the URL, POST as a form the page submits (the answer
     * is read from the network log; form submissions are not bound by the API page's connect-src), and when that
     * gets no answer, or for DELETE, as a request from the frontend's page, the way the app's own script sends it.
     */
    private MeAnswer logOut() {
        URI logout = oauth.logoutUrl().orElseThrow();
        String method = oauth.logoutMethod();
        try {
            if (method.equals("GET")) {
                driver.get(logout.toString());
                awaitReady();
                return shownAnswer(logout);
            }
            if (method.equals("POST")) {
                ((JavascriptExecutor) driver).executeScript("const f = document.createElement('form');"
                        + "f.method = 'POST'; f.action = arguments[0]; document.documentElement.appendChild(f);"
                        + "f.submit();", logout.toString());
                Optional<Integer> status = awaitStatus(logout);
                if (status.isPresent()) {
                    return new MeAnswer(logout.toString(), status.get(), "");
                }
            }
            driver.get(context.config().frontend().url().toString());
            awaitReady();
            return fetchInPage(logout, method);
        } catch (OutOfTime | WebDriverException e) {
            return new MeAnswer(logout.toString(), 0, "the browser could not send it: " + (e instanceof OutOfTime
                    ? "the run's deadline came" : masked(firstLine(e))));
        }
    }

    /** The status of {@code url}'s answer once the network log shows it, within a step's time. */
    private Optional<Integer> awaitStatus(URI url) throws OutOfTime {
        try {
            return Optional.of(waiting(browser.stepTimeout()).until(d -> {
                network.drain(d);
                return network.statusOf(url.toString()).orElse(null);
            }));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * A request from the page itself, with its cookies, the way the app's own scripts call it: the status and the
     * start of the body, or status 0 and why there was no answer.
     */
    private MeAnswer fetchInPage(URI url, String method) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: arguments[1], credentials: 'include', cache: 'no-store',"
                        + " redirect: 'manual'})"
                        + ".then(r => r.text().then(t => done([r.status, t.substring(0, 65536)])))"
                        + ".catch(e => done([0, String(e)]));", url.toString(), method);
        List<?> pair = (List<?>) result;
        return new MeAnswer(url.toString(), ((Number) pair.get(0)).intValue(), String.valueOf(pair.get(1)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> storage(String which) {
        Object result = ((JavascriptExecutor) driver).executeScript(
                "const s = window[arguments[0]]; const out = {};"
                        + "for (let i = 0; i < s.length; i++) { const k = s.key(i); out[k] = String(s.getItem(k)); }"
                        + "return out;", which);
        return result instanceof Map<?, ?> map ? Map.copyOf((Map<String, String>) map) : Map.of();
    }

    /**
     * Records the page just reached: its masked URL, title and a screenshot, unless the page's text or fields show
     * a secret (then the screenshot is withheld and the step says so).
     */
    private void arrive(String page) {
        drainQuietly();
        String url = masked(driver.getCurrentUrl());
        String title = masked(driver.getTitle());
        Optional<String> shown = shownSecret();
        Optional<Evidence> screenshot = Optional.empty();
        if (shown.isEmpty()) {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            screenshot = Optional.of(Evidence.png("step " + (steps.size() + 1) + ": " + page, png));
        }
        steps.add(new LoginStep(page, url, title, screenshot,
                shown.map(what -> "screenshot withheld: the page shows " + what)));
    }

    private void arriveQuietly(String page) {
        try {
            arrive(page);
        } catch (WebDriverException ignored) {
            // the browser is gone; the end says why
        }
    }

    /** Which secret, if any, the page's visible text or form fields hold right now. */
    private Optional<String> shownSecret() {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "return (document.body ? document.body.innerText : '') + '\\n' + Array.from("
                        + "document.querySelectorAll('input, textarea')).map(e => e.value).join('\\n');");
        String shown = String.valueOf(text);
        if (contains(shown, account.password().value())) {
            return Optional.of("the test account's password");
        }
        if (contains(shown, account.totpSecret().value())) {
            return Optional.of("the TOTP secret");
        }
        if (typedCodes.stream().anyMatch(c -> contains(shown, c))) {
            return Optional.of("a TOTP code");
        }
        if (oauthCodes().stream().anyMatch(c -> contains(shown, c))) {
            return Optional.of("the OAuth code");
        }
        if (LoginObservation.GITHUB_TOKEN.matcher(shown).find()) {
            return Optional.of("a GitHub token");
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String secret) {
        return !secret.isEmpty() && text.contains(secret);
    }

    private List<String> oauthCodes() {
        return oauth.callbackUrl().map(c -> network.codesSentTo(c.toString())).orElseGet(List::of);
    }

    /** Masks what {@link LoginObservation#masked} masks, and the account's secrets and codes typed. */
    private String masked(String text) {
        List<String> secrets = new ArrayList<>(oauthCodes());
        secrets.add(account.password().value());
        secrets.add(account.totpSecret().value());
        secrets.addAll(typedCodes);
        return LoginObservation.mask(String.valueOf(text), secrets);
    }

    private Optional<End> credentialsMayGoTo(URI url) {
        if (isGitHub(url) && "https".equalsIgnoreCase(url.getScheme())
                && context.config().mayCarryCredentials(url)) {
            return Optional.empty();
        }
        return Optional.of(new End(Kind.CREDENTIALS_WITHHELD, "a sign-in form at " + masked(url.toString())
                + " asked for the test account's credentials; they go only to " + oauth.githubUrl()
                + " over https"));
    }

    private boolean isGitHub(URI url) {
        URI github = oauth.githubUrl();
        return url.getHost() != null && url.getHost().equalsIgnoreCase(github.getHost())
                && url.getScheme().equalsIgnoreCase(github.getScheme()) && Ports.of(url) == Ports.of(github);
    }

    /** Whether {@code url} is on one of the environment's own hosts (frontend, backend, the app's OAuth URLs ...). */
    private boolean isApp(URI url) {
        List<URI> own = new ArrayList<>();
        context.config().publicUrls().forEach(t -> own.add(URI.create(t.address())));
        own.addAll(context.config().headers().extraOrigins());
        for (Optional<URI> u : List.of(oauth.loginUrl(), oauth.callbackUrl(), oauth.meUrl(), oauth.logoutUrl())) {
            u.ifPresent(own::add);
        }
        return url.getHost() != null && own.stream().anyMatch(u -> url.getHost().equalsIgnoreCase(u.getHost()));
    }

    /** The path below GitHub's base URL (a GitHub Enterprise Server may live under a path). */
    private String gitHubPath(URI url) {
        String base = Optional.ofNullable(oauth.githubUrl().getPath()).orElse("").replaceAll("/+$", "");
        String path = Optional.ofNullable(url.getPath()).filter(p -> !p.isEmpty()).orElse("/");
        return !base.isEmpty() && path.startsWith(base) ? path.substring(base.length()) : path;
    }

    private String describeUnknown(String path) {
        String name = GitHubPage.knownStop(path).map(n -> "GitHub's " + n + " page (" + path + ")")
                .orElse("an unknown GitHub page " + path);
        String title = masked(driver.getTitle());
        Optional<Integer> status = network.statusOf(driver.getCurrentUrl()).filter(s -> s >= 400);
        return name + (title.isBlank() ? "" : " titled \"" + Excerpt.of(title, 80) + "\"")
                + status.map(s -> s == 429 ? " (429: rate limited)" : " (" + s + ")").orElse("");
    }

    /** GitHub's error banner on the page, if it shows one, as ": the message". */
    private String flash() {
        for (WebElement e : driver.findElements(By.cssSelector(".flash-error"))) {
            String text = e.getText().strip();
            if (!text.isEmpty()) {
                return ": \"" + Excerpt.of(masked(text), 160) + "\"";
            }
        }
        return "";
    }

    /**
     * Types {@code value} into the field. A form that submits itself on the last character (GitHub's two-factor page
     * does) may replace the document mid-call; that is the page change the caller awaits next, not a failure.
     */
    private void type(String selector, String value) {
        try {
            WebElement field = driver.findElement(By.cssSelector(selector));
            field.clear();
            field.sendKeys(value);
        } catch (WebDriverException e) {
            if (!documentReplaced(e)) {
                throw e;
            }
        }
    }

    /** Submits the form of {@code selector}'s field with its submit button, as a person would. */
    private void submitAndAwait(String selector, String form) throws OutOfTime {
        WebElement before = root();
        try {
            WebElement field = driver.findElement(By.cssSelector(selector));
            List<WebElement> buttons = field.findElements(By.xpath(
                    "./ancestor::form[1]//*[(self::button or self::input) and @type='submit']"));
            if (buttons.isEmpty()) {
                field.submit();
            } else {
                buttons.get(0).click();
            }
        } catch (WebDriverException e) {
            // The page may have submitted itself meanwhile (GitHub's two-factor page does once six digits are in):
            // then the field, its button or the whole document is gone, which is what this method waits for.
            if (!documentReplaced(e) && !replaced(before)) {
                throw e;
            }
        }
        if (!awaitNewPage(before, browser.stepTimeout())) {
            throw new TimeoutException("no new page within " + seconds(browser.stepTimeout()) + " after submitting "
                    + form);
        }
    }

    /**
     * Whether {@code e} says the element's document is gone: Chromium reports an element of a page that navigated
     * away mid-call either as stale or as a node that "does not belong to the document".
     */
    private static boolean documentReplaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException || String.valueOf(e.getMessage())
                .contains("does not belong to the document");
    }

    private WebElement root() {
        return driver.findElement(By.tagName("html"));
    }

    private URI currentUrl() {
        return URI.create(driver.getCurrentUrl());
    }

    private boolean present(String selector) {
        return !selector.isEmpty() && !driver.findElements(By.cssSelector(selector)).isEmpty();
    }

    private Optional<WebElement> awaitElement(String selector) throws OutOfTime {
        try {
            return Optional.of(waiting(browser.stepTimeout())
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector))));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Whether the page that {@code before} belongs to was replaced within {@code timeout}. */
    private boolean awaitNewPage(WebElement before, Duration timeout) throws OutOfTime {
        try {
            waiting(timeout).until(d -> replaced(before));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Whether {@code before}'s document is gone, however Chromium words it. */
    private static boolean replaced(WebElement before) {
        try {
            before.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (documentReplaced(e)) {
                return true;
            }
            throw e;
        }
    }

    private boolean awaitEnabled(WebElement element) throws OutOfTime {
        try {
            waiting(browser.stepTimeout()).until(d -> element.isEnabled());
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void awaitReady() throws OutOfTime {
        try {
            waiting(browser.stepTimeout()).until(d -> "complete".equals(
                    ((JavascriptExecutor) d).executeScript("return document.readyState")));
        } catch (TimeoutException e) {
            throw new TimeoutException("the page at " + masked(driver.getCurrentUrl()) + " did not finish loading "
                    + "within " + seconds(browser.stepTimeout()));
        }
    }

    /** A wait of at most {@code timeout}, and never past the deadline. */
    private WebDriverWait waiting(Duration timeout) throws OutOfTime {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new OutOfTime();
        }
        WebDriverWait wait = new WebDriverWait(driver, timeout.compareTo(left) < 0 ? timeout : left,
                Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The latest moment a new TOTP step may begin and still leave a page's time to use it. */
    private Instant latestStart() {
        return deadline.minus(browser.stepTimeout());
    }

    private void drainQuietly() {
        try {
            network.drain(driver);
        } catch (WebDriverException ignored) {
            // a browser without logs (or gone) leaves the log as it was
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
