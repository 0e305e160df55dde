package dev.smokegate.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.MappedHttpClient.Exchange;
import dev.smokegate.reference.github.GitHubAccount;
import dev.smokegate.reference.github.Totp;
import dev.smokegate.reference.pki.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with GitHub" end to end over plain HTTP, as the gate's checks and a browser see it: the Node app
 * (passport-github2, sessions in Redis) behind the backend, GitHub's stand-in, and every OAuth fault switch.
 * One deployment for the class; every test leaves it healed.
 */
@ExternalProcesses
class OAuthFlowTest {

    private static final String API = "https://" + ReferenceHosts.BACKEND;
    private static final String GITHUB = "https://" + ReferenceHosts.GITHUB;
    private static final String APP = "https://" + ReferenceHosts.FRONTEND;
    private static final String CALLBACK = API + "/auth/github/callback";
    private static final Pattern HIDDEN_INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    /** Base64url of 32 bytes, unpadded. */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static ReferenceDeployment deployment;
    private static MappedHttpClient client;
    /** Signed in to GitHub once (codes cannot be reused), so each test's app login needs no second factor. */
    private static ScriptedBrowser signedInToGitHub;
    private static long lastTotpStep;

    @BeforeAll
    static void startDeployment() throws IOException {
        deployment = ReferenceDeployment.start();
        client = new MappedHttpClient(deployment.connectTo(), TlsContexts.trustingOnly(deployment.rootCertificate()));
        signedInToGitHub = new ScriptedBrowser(client);
        signInToGitHub(signedInToGitHub, GITHUB + "/");
    }

    @AfterAll
    static void closeDeployment() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @AfterEach
    void heal() {
        deployment.heal();
    }

    @Test
    void aUserSignsInWithPasswordAndTotpConsentsAndIsSignedInToTheAppUntilLogout() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(client);
        assertThat(browser.get(APP + "/").body())
                .contains("<a id=\"sign-in-github\" href=\"https://api.smokegate.test/auth/github\">");

        String authorize = startLogin(browser);
        Exchange toLogin = browser.get(authorize);
        assertThat(toLogin.status()).isEqualTo(302);
        URI login = URI.create(GITHUB).resolve(toLogin.header("Location"));
        assertThat(login.getPath()).isEqualTo("/login");
        String returnTo = query(login.toString()).get("return_to");
        assertThat(GITHUB + returnTo).isEqualTo(authorize);
        signInToGitHub(browser, authorize);
        Exchange consent = browser.get(authorize);
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body()).contains("id=\"js-oauth-authorize-btn\"", " disabled>",
                ".disabled = false");
        Exchange toCallback = browser.post(GITHUB + "/login/oauth/authorize", consentForm(consent.body()));
        Exchange signedIn = browser.get(toCallback.header("Location"));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo(APP + "/");
        assertThat(sessionCookie(signedIn)).startsWith("sid=").contains("; Path=/", "; HttpOnly", "; Secure",
                "; SameSite=Lax", "; Expires=").doesNotContainIgnoringCase("domain=");
        Exchange me = browser.get(API + "/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("{\"login\":\"smokegate-bot\"}");

        String session = browser.cookie(ReferenceHosts.BACKEND, "sid").orElseThrow();
        Exchange logout = browser.send("POST", API + "/auth/logout", Map.of(), "");
        assertThat(logout.status()).isEqualTo(204);
        assertThat(sessionCookie(logout)).startsWith("sid=;").contains("Expires=Thu, 01 Jan 1970");
        assertThat(browser.get(API + "/api/me").status()).isEqualTo(401);
        browser.setCookie(ReferenceHosts.BACKEND, "sid", session);
        assertThat(browser.get(API + "/api/me").status()).as("the old cookie replayed").isEqualTo(401);
    }

    @Test
    void loginStartsAtGitHubsAuthorizeUrlWithTheAppsParametersAndAFreshStateEachTime() throws Exception {
        Map<String, String> first = query(startLogin(new ScriptedBrowser(client)));
        Map<String, String> second = query(startLogin(new ScriptedBrowser(client)));

        assertThat(first).containsEntry("client_id", "Iv1.smokegate-demo").containsEntry("redirect_uri", CALLBACK)
                .containsEntry("scope", "read:user").containsEntry("response_type", "code");
        assertThat(first.get("state")).matches(STATE);
        assertThat(second.get("state")).matches(STATE).isNotEqualTo(first.get("state"));
    }

    @Test
    void startingALoginSetsOnlyTheSessionCookieThatHoldsTheState() throws Exception {
        Exchange start = new ScriptedBrowser(client).get(API + "/auth/github");

        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).startsWith(GITHUB + "/login/oauth/authorize?");
        assertThat(sessionCookie(start)).contains("; HttpOnly", "; Secure", "; SameSite=Lax");
    }

    @Test
    void aCallbackWithoutStateIsRefusedWithoutSessionCookie() throws Exception {
        ScriptedBrowser browser = signedInBrowser();
        String callback = authorizeAtGitHub(browser, startLogin(browser));

        assertRefused(browser.get(withoutParameter(callback, "state")));
        assertRefused(new ScriptedBrowser(client).get(callback));
    }

    @Test
    void aCallbackWithAnotherBrowsersStateOrAForgedOneAndAValidCodeIsRefused() throws Exception {
        ScriptedBrowser victim = signedInBrowser();
        ScriptedBrowser attacker = signedInBrowser();
        startLogin(victim);
        String attackersCallback = authorizeAtGitHub(attacker, startLogin(attacker));

        assertRefused(victim.get(attackersCallback));
        String victimsState = query(startLogin(victim)).get("state");
        assertRefused(victim.get(withParameter(attackersCallback, "state", victimsState + "x")));
        assertThat(attacker.get(attackersCallback).status()).as("the code was never redeemed").isEqualTo(302);
    }

    @Test
    void aStateIsUsedUpByItsCallbackSoReplayingItIsRefused() throws Exception {
        ScriptedBrowser browser = signedInBrowser();
        String authorize = startLogin(browser);
        String callback = authorizeAtGitHub(browser, authorize);
        assertThat(browser.get(callback).status()).isEqualTo(302);

        assertRefused(browser.get(callback));
        // A fresh, valid code with the used state: only the state is wrong now.
        assertRefused(browser.get(authorizeAtGitHub(browser, authorize)));
    }

    @Test
    void aBogusCodeWithTheRightStateIsRefusedWithoutSessionCookie() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(client);
        String state = query(startLogin(browser)).get("state");

        assertRefused(browser.get(CALLBACK + "?code=0123456789abcdef0123&state=" + state));
        assertRefused(new ScriptedBrowser(client).get(CALLBACK + "?code=0123456789abcdef0123&state=" + state));
        assertRefused(new ScriptedBrowser(client).get(CALLBACK));
    }

    @Test
    void meWithoutSessionIsUnauthorizedAndLogoutOnlyTakesPost() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(client);

        assertThat(browser.get(API + "/api/me").status()).isEqualTo(401);
        Exchange get = browser.get(API + "/auth/logout");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
    }

    @Test
    void theProxyDropsFaultAndForwardingHeadersAClientSends() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(client);

        Exchange start = browser.send("GET", API + "/auth/github", Map.of("X-Smokegate-Faults", "STATE_REUSED,"
                + "SCOPE_TOO_WIDE", "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example"), null);

        assertThat(query(start.header("Location"))).containsEntry("scope", "read:user");
        assertThat(sessionCookie(start)).contains("; Secure");
    }

    @Test
    void stateNotGeneratedLeavesStateOutAndStillSignsIn() throws Exception {
        deployment.inject(Fault.STATE_NOT_GENERATED);
        ScriptedBrowser browser = signedInBrowser();

        String authorize = startLogin(browser);

        assertThat(query(authorize)).doesNotContainKey("state");
        Exchange callback = browser.get(authorizeAtGitHub(browser, authorize));
        assertThat(callback.status()).isEqualTo(302);
        assertThat(browser.get(API + "/api/me").status()).isEqualTo(200);
    }

    @Test
    void stateNotCheckedSignsInWithAnotherBrowsersCallback() throws Exception {
        deployment.inject(Fault.STATE_NOT_CHECKED);
        ScriptedBrowser victim = signedInBrowser();
        ScriptedBrowser attacker = signedInBrowser();
        startLogin(victim);
        String attackersCallback = authorizeAtGitHub(attacker, startLogin(attacker));

        Exchange forged = victim.get(withParameter(attackersCallback, "state", "forged"));

        assertThat(forged.status()).isEqualTo(302);
        assertThat(sessionCookie(forged)).startsWith("sid=");
        assertThat(victim.get(API + "/api/me").body()).contains("smokegate-bot");
    }

    @Test
    void stateReusedSendsTheSameStateOnEveryLogin() throws Exception {
        deployment.inject(Fault.STATE_REUSED);

        List<String> states = List.of(
                query(startLogin(new ScriptedBrowser(client))).get("state"),
                query(startLogin(new ScriptedBrowser(client))).get("state"),
                query(startLogin(new ScriptedBrowser(client))).get("state"));

        assertThat(states.get(0)).matches(STATE);
        assertThat(states).containsOnly(states.get(0));
    }

    @Test
    void redirectUriFaultsSendGitHubAnotherCallbackWhichItRefuses() throws Exception {
        deployment.inject(Fault.REDIRECT_URI_HTTP);
        String http = startLogin(new ScriptedBrowser(client));
        deployment.heal();
        deployment.inject(Fault.REDIRECT_URI_PREVIEW);
        String preview = startLogin(new ScriptedBrowser(client));

        assertThat(query(http).get("redirect_uri")).isEqualTo("http://api.smokegate.test/auth/github/callback");
        assertThat(URI.create(query(preview).get("redirect_uri")).getHost()).endsWith(".vercel.app");
        for (String authorize : List.of(http, preview)) {
            assertThat(signedInToGitHub.get(authorize).body())
                    .contains("The redirect_uri is not associated with this application");
        }
    }

    @Test
    void scopeTooWideAsksForRepoAndUser() throws Exception {
        deployment.inject(Fault.SCOPE_TOO_WIDE);

        assertThat(query(startLogin(new ScriptedBrowser(client)))).containsEntry("scope", "repo user");
    }

    @Test
    void sessionCookieFaultsChangeTheCookieSetAtLogin() throws Exception {
        deployment.inject(Fault.OAUTH_SESSION_COOKIE_NOT_HTTPONLY);
        String notHttpOnly = sessionCookie(completeLogin(signedInBrowser()));
        deployment.heal();
        deployment.inject(Fault.OAUTH_SESSION_COOKIE_NOT_SECURE);
        String notSecure = sessionCookie(completeLogin(signedInBrowser()));
        deployment.heal();
        deployment.inject(Fault.OAUTH_SESSION_COOKIE_SAMESITE_NONE);
        String sameSiteNone = sessionCookie(completeLogin(signedInBrowser()));

        assertThat(notHttpOnly).doesNotContain("HttpOnly").contains("; Secure", "; SameSite=Lax");
        assertThat(notSecure).doesNotContain("Secure").contains("; HttpOnly", "; SameSite=Lax");
        assertThat(sameSiteNone).contains("; SameSite=None", "; Secure", "; HttpOnly");
    }

    @Test
    void codeLeftInUrlLandsOnTheFrontendWithTheCode() throws Exception {
        deployment.inject(Fault.CODE_LEFT_IN_URL);
        ScriptedBrowser browser = signedInBrowser();
        String callback = authorizeAtGitHub(browser, startLogin(browser));

        Exchange signedIn = browser.get(callback);

        assertThat(signedIn.header("Location")).isEqualTo(APP + "/?code=" + query(callback).get("code"));
    }

    @Test
    void tokenInLocalStorageHandsTheTokenToThePageWhoseScriptStoresIt() throws Exception {
        deployment.inject(Fault.TOKEN_IN_LOCAL_STORAGE);

        Exchange signedIn = completeLogin(signedInBrowser());

        assertThat(signedIn.header("Location")).matches(Pattern.quote(APP + "/#access_token=")
                + "gho_[A-Za-z0-9]{36}");
        assertThat(client.get(APP + FrontendPage.PAGE_CHUNK).body()).contains("localStorage.setItem", "history.replaceState");
        deployment.heal();
        assertThat(client.get(APP + FrontendPage.PAGE_CHUNK).body()).doesNotContain("localStorage");
    }

    @Test
    void logoutKeepsSessionLetsTheOldCookieIn() throws Exception {
        deployment.inject(Fault.LOGOUT_KEEPS_SESSION);
        ScriptedBrowser browser = signedInBrowser();
        completeLogin(browser);
        String session = browser.cookie(ReferenceHosts.BACKEND, "sid").orElseThrow();

        Exchange logout = browser.send("POST", API + "/auth/logout", Map.of(), "");

        assertThat(logout.status()).isEqualTo(204);
        assertThat(browser.cookie(ReferenceHosts.BACKEND, "sid")).isEmpty();
        browser.setCookie(ReferenceHosts.BACKEND, "sid", session);
        assertThat(browser.get(API + "/api/me").status()).isEqualTo(200);
    }

    @Test
    void consentNeverEnablesLeavesTheButtonDisabled() throws Exception {
        deployment.inject(Fault.CONSENT_NEVER_ENABLES);

        // A scope this GitHub session has not granted yet, so GitHub asks again.
        String page = signedInToGitHub.get(GITHUB + "/login/oauth/authorize?client_id=Iv1.smokegate-demo"
                + "&scope=user%3Aemail").body();

        assertThat(page).contains("id=\"js-oauth-authorize-btn\"", " disabled>").doesNotContain("<script");
    }

    @Test
    void deviceVerificationFollowsThePassword() throws Exception {
        deployment.inject(Fault.DEVICE_VERIFICATION);
        ScriptedBrowser browser = new ScriptedBrowser(client);
        GitHubAccount account = deployment.oauthAccount();

        Exchange password = browser.post(GITHUB + "/session", form(Map.of("login", account.login(), "password",
                account.password(), "return_to", "/")));

        assertThat(password.header("Location")).isEqualTo("/sessions/verified-device");
        assertThat(browser.get(GITHUB + "/sessions/verified-device").body()).contains("Device verification");
    }

    @Test
    void theSecretsAreFreshPerStartAndNamedForTheConfig() {
        GitHubAccount account = deployment.oauthAccount();

        assertThat(account.login()).isEqualTo("smokegate-bot");
        assertThat(account.totpSecret()).matches("[A-Z2-7]{32}");
        assertThat(deployment.githubClientSecret()).matches("[0-9a-f]{40}");
        assertThat(deployment.environment()).contains(
                Map.entry("GITHUB_TEST_LOGIN", "smokegate-bot"),
                Map.entry("GITHUB_TEST_PASSWORD", account.password()),
                Map.entry("GITHUB_TEST_TOTP_SECRET", account.totpSecret()),
                Map.entry("GITHUB_CLIENT_SECRET", deployment.githubClientSecret()));
        assertThat(account.toString()).doesNotContain(account.password(), account.totpSecret());
    }

    // ---- the steps

    /** {@code /auth/github}'s redirect: GitHub's authorize URL. */
    private static String startLogin(ScriptedBrowser browser) throws IOException {
        Exchange start = browser.get(API + "/auth/github");
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        return start.header("Location");
    }

    /** Password, then a TOTP code never used before (the stand-in refuses a reused one). */
    private static void signInToGitHub(ScriptedBrowser browser, String returnTo) throws IOException {
        GitHubAccount account = deployment.oauthAccount();
        String path = returnTo.substring(GITHUB.length());
        Exchange password = browser.post(GITHUB + "/session", form(Map.of("login", account.login(),
                "password", account.password(), "return_to", path, "commit", "Sign in")));
        assertThat(password.header("Location")).isEqualTo("/sessions/two-factor/app");
        Exchange code = browser.post(GITHUB + "/sessions/two-factor", "app_otp=" + unusedCode(account));
        assertThat(code.status()).as(code.body()).isEqualTo(302);
        assertThat(code.header("Location")).isEqualTo(path);
    }

    /** At GitHub, signed in: consents if asked; returns the callback URL GitHub redirects to. */
    private static String authorizeAtGitHub(ScriptedBrowser browser, String authorize) throws IOException {
        Exchange answer = browser.get(authorize);
        if (answer.status() == 200) {
            answer = browser.post(GITHUB + "/login/oauth/authorize", consentForm(answer.body()));
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(CALLBACK + "?");
        return answer.header("Location");
    }

    /** The whole app login of a browser signed in to GitHub; returns the callback's answer. */
    private static Exchange completeLogin(ScriptedBrowser browser) throws IOException {
        Exchange callback = browser.get(authorizeAtGitHub(browser, startLogin(browser)));
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        return callback;
    }

    private static ScriptedBrowser signedInBrowser() {
        ScriptedBrowser browser = new ScriptedBrowser(client);
        browser.copyCookies(ReferenceHosts.GITHUB, signedInToGitHub);
        return browser;
    }

    private static void assertRefused(Exchange callback) {
        assertThat(callback.status()).as(callback.body()).isEqualTo(403);
        assertThat(callback.header("Content-Type")).startsWith("application/json");
        assertThat(callback.headers()).doesNotContainKey("set-cookie");
    }

    private static String sessionCookie(Exchange exchange) {
        List<String> cookies = exchange.headers().getOrDefault("set-cookie", List.of());
        assertThat(cookies).as("Set-Cookie").singleElement().asString().startsWith("sid=");
        return cookies.get(0);
    }

    private static synchronized String unusedCode(GitHubAccount account) {
        long now = Totp.GITHUB.stepAt(Instant.now());
        long step = Math.max(now, lastTotpStep + 1);
        // One step ahead is inside the stand-in's window; further needs waiting for the clock.
        while (step > Totp.GITHUB.stepAt(Instant.now()) + 1) {
            pause();
        }
        lastTotpStep = step;
        return Totp.GITHUB.at(account.totpSecret(), Instant.ofEpochSecond(step * 30));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String consentForm(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN_INPUT.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("authorize", "1");
        return form(fields);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length < 2 ? "" : URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String withoutParameter(String url, String name) {
        Map<String, String> parameters = query(url);
        parameters.remove(name);
        return url.substring(0, url.indexOf('?') + 1) + form(parameters);
    }

    private static String withParameter(String url, String name, String value) {
        Map<String, String> parameters = query(url);
        parameters.put(name, value);
        return url.substring(0, url.indexOf('?') + 1) + form(parameters);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
