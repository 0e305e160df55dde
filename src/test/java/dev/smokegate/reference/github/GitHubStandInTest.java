package dev.smokegate.reference.github;

import static dev.smokegate.reference.github.StandInBrowser.html;
import static dev.smokegate.reference.github.StandInBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.reference.web.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubStandInTest {

    private static final String CALLBACK = "https://api.smokegate.test/auth/github/callback";
    private static final String CLIENT_ID = "Iv1.smokegate-demo";
    private static final String AUTHORIZE = "/login/oauth/authorize?client_id=" + CLIENT_ID
            + "&redirect_uri=" + enc(CALLBACK) + "&scope=read%3Auser&state=s1";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 Appendix B: the S256 challenge of {@link #VERIFIER}. */
    private static final String S256_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-02T03:04:05Z"));
    private final SwitchedFaults faults = new SwitchedFaults();
    private final GitHubAccount account = GitHubAccount.generate("smokegate-bot");
    private final OAuthAppRegistration app = OAuthAppRegistration.generate("smokegate demo", CLIENT_ID, CALLBACK);
    private final StandInBrowser browser =
            new StandInBrowser(new GitHubStandIn(StandInBrowser.HOST, account, app, faults, clock).site());

    @Test
    void authorizeWithoutASessionSendsToTheLoginPageWhichReturnsThere() {
        Response response = browser.get(AUTHORIZE);

        assertThat(response.status()).isEqualTo(302);
        URI login = URI.create(location(response));
        assertThat(login.getPath()).isEqualTo("/login");
        assertThat(FormFields.parse(login.getRawQuery()).getOrEmpty("return_to")).isEqualTo(AUTHORIZE);
        String page = html(browser.get(location(response)));
        assertThat(page).contains("<form action=\"/session\"", "method=\"post\"", "id=\"login_field\"",
                "name=\"login\"", "id=\"password\"", "name=\"password\"", "type=\"submit\" name=\"commit\"",
                "value=\"Sign in\"", "name=\"return_to\"");
        assertThat(page).contains("value=\"" + GitHubPages.escape(AUTHORIZE) + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://api.smokegate.test/auth/github/callback",
            "https://smokegate-git-main-acme.vercel.app/auth/github/callback",
            "https://api.smokegate.test/auth/github/callback/",
            "https://api.smokegate.test/auth/github/callback?next=/",
            "https://api.smokegate.test:8443/auth/github/callback",
            "https://API.smokegate.test/auth/github/callback"})
    void authorizeShowsAnErrorPageForAnyRedirectUriButTheRegisteredOne(String redirectUri) {
        Response response = browser.get("/login/oauth/authorize?client_id=" + CLIENT_ID + "&redirect_uri="
                + enc(redirectUri) + "&scope=read%3Auser&state=s1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(html(response)).contains("The redirect_uri is not associated with this application");
    }

    @Test
    void authorizeShowsAnErrorPageForAnUnknownClientOrAnUnknownPkceMethod() {
        assertThat(html(browser.get("/login/oauth/authorize?client_id=Iv1.other&state=s1")))
                .contains("No OAuth app is registered with the client_id");
        assertThat(html(browser.get(AUTHORIZE + "&code_challenge=" + S256_CHALLENGE
                + "&code_challenge_method=S512"))).contains("code_challenge_method must be S256 or plain");
        assertThat(html(browser.get(AUTHORIZE + "&code_challenge=short"))).contains("43 to 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smokegate-bot:wrong", "someone-else:RIGHT", ":RIGHT", "smokegate-bot:"})
    void aWrongLoginOrPasswordShowsTheLoginPageAgainWithGitHubsMessage(String loginAndPassword) {
        String[] parts = loginAndPassword.split(":", 2);
        String password = parts[1].equals("RIGHT") ? account.password() : parts[1];

        Response response = browser.post("/session", "login=" + parts[0] + "&password=" + enc(password)
                + "&return_to=%2F");

        assertThat(response.status()).isEqualTo(200);
        assertThat(html(response)).contains("flash-error", "Incorrect username or password.", "id=\"login_field\"");
        assertThat(browser.cookies()).isEmpty();
    }

    @Test
    void theRightPasswordAsksForTheAuthenticatorCode() {
        Response response = signInWithPassword(AUTHORIZE);

        assertThat(response.status()).isEqualTo(302);
        assertThat(location(response)).isEqualTo("/sessions/two-factor/app");
        assertThat(response.headers().get("Set-Cookie")).singleElement().asString()
                .startsWith("_gh_sess=").contains("; Secure", "; HttpOnly", "; SameSite=Lax");
        assertThat(html(browser.get("/sessions/two-factor/app"))).contains(
                "<form action=\"/sessions/two-factor\"", "id=\"app_totp\"", "name=\"app_otp\"",
                "autocomplete=\"one-time-code\"", "type=\"submit\"");
    }

    @Test
    void theCurrentCodeSignsInAndReturnsToTheAuthorizeUrl() {
        signInWithPassword(AUTHORIZE);

        Response response = browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO));

        assertThat(response.status()).isEqualTo(302);
        assertThat(location(response)).isEqualTo(AUTHORIZE);
        assertThat(response.headers().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("user_session=").contains("; Secure", "; HttpOnly", "; SameSite=Lax"));
        assertThat(browser.cookies()).containsOnlyKeys("user_session");
    }

    @ParameterizedTest
    @ValueSource(ints = {-30, 30})
    void aCodeOneStepEitherSideIsAcceptedForClockDrift(int offsetSeconds) {
        signInWithPassword("/");

        assertThat(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ofSeconds(offsetSeconds)))
                .status()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(ints = {-90, -60, 60, 90})
    void aCodeTwoOrMoreStepsAwayFails(int offsetSeconds) {
        signInWithPassword("/");

        Response response = browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ofSeconds(offsetSeconds)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(html(response)).contains("flash-error", "Two-factor authentication failed.", "id=\"app_totp\"");
    }

    @Test
    void aCodeIsAcceptedOnlyOnceAndSoIsAnyCodeOfAnEarlierStep() {
        String current = code(Duration.ZERO);
        String previous = code(Duration.ofSeconds(-30));
        signInWithPassword("/");
        browser.post("/sessions/two-factor", "app_otp=" + current);
        signInWithPassword("/");

        assertThat(html(browser.post("/sessions/two-factor", "app_otp=" + current)))
                .contains("Two-factor authentication failed.");
        assertThat(html(browser.post("/sessions/two-factor", "app_otp=" + previous)))
                .contains("Two-factor authentication failed.");
        clock.advance(Duration.ofSeconds(30));
        assertThat(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO)).status())
                .isEqualTo(302);
    }

    @Test
    void theTwoFactorPagesNeedAPasswordFirst() {
        assertThat(location(browser.get("/sessions/two-factor/app"))).isEqualTo("/login");
        assertThat(location(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO))))
                .isEqualTo("/login");
    }

    @Test
    void signedInTheConsentPageShowsTheAuthorizeButtonDisabledUntilItsScriptEnablesIt() {
        signIn(AUTHORIZE);

        Response response = browser.get(AUTHORIZE);

        assertThat(response.status()).isEqualTo(200);
        String page = html(response);
        assertThat(page).contains("<form action=\"/login/oauth/authorize\"", "method=\"post\"",
                "<button type=\"submit\" name=\"authorize\" value=\"1\" id=\"js-oauth-authorize-btn\"",
                "read:user", "smokegate demo", "smokegate-bot");
        assertThat(page.substring(page.indexOf("id=\"js-oauth-authorize-btn\""))).startsWith(
                "id=\"js-oauth-authorize-btn\"\n").contains(" disabled>");
        assertThat(page).contains("getElementById('js-oauth-authorize-btn').disabled = false", "}, 1000);");
    }

    @Test
    void consentNeverEnablesLeavesOutTheScriptThatEnablesTheButton() {
        faults.consentNeverEnables = true;
        signIn(AUTHORIZE);

        String page = html(browser.get(AUTHORIZE));

        assertThat(page).contains("id=\"js-oauth-authorize-btn\"").doesNotContain("<script");
    }

    @Test
    void consentRedirectsToTheCallbackWithACodeAndTheStateThatExchangesForATokenOfTheUser() throws Exception {
        String code = authorize(AUTHORIZE);

        JsonNode token = exchange(code, CALLBACK, null);

        assertThat(token.get("access_token").asText()).matches("gho_[A-Za-z0-9]{36}");
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("scope").asText()).isEqualTo("read:user");
        Response user = browser.send("GET", "/api/v3/user", "",
                Map.of("Authorization", "token " + token.get("access_token").asText()));
        assertThat(user.status()).isEqualTo(200);
        assertThat(json(user).get("login").asText()).isEqualTo("smokegate-bot");
        assertThat(json(browser.send("GET", "/api/v3/user", "",
                Map.of("Authorization", "Bearer " + token.get("access_token").asText()))).get("id").asLong())
                .isEqualTo(OAuthEndpoints.USER_ID);
    }

    @Test
    void onceGrantedTheAuthorizeUrlRedirectsStraightBackAndLeavesOutAStateNeverSent() {
        authorize(AUTHORIZE);
        String withoutState = AUTHORIZE.replace("&state=s1", "");

        Response response = browser.get(withoutState);

        assertThat(response.status()).isEqualTo(302);
        URI callback = URI.create(location(response));
        assertThat(callback.getScheme() + "://" + callback.getHost() + callback.getPath()).isEqualTo(CALLBACK);
        assertThat(FormFields.parse(callback.getRawQuery()).values()).containsOnlyKeys("code");
    }

    @Test
    void aWiderScopeAsksForConsentAgain() {
        authorize(AUTHORIZE);

        assertThat(browser.get(AUTHORIZE.replace("scope=read%3Auser", "scope=repo+user")).status()).isEqualTo(200);
    }

    @Test
    void decliningRedirectsWithAccessDeniedAndTheState() {
        signIn(AUTHORIZE);

        Response response = browser.post("/login/oauth/authorize", consentForm(AUTHORIZE).replace("authorize=1",
                "authorize=0"));

        URI callback = URI.create(location(response));
        assertThat(FormFields.parse(callback.getRawQuery()).values())
                .containsEntry("error", "access_denied").containsEntry("state", "s1").doesNotContainKey("code");
    }

    @Test
    void aCodeWorksOnce() throws Exception {
        String code = authorize(AUTHORIZE);
        exchange(code, CALLBACK, null);

        assertThat(exchange(code, CALLBACK, null).get("error").asText()).isEqualTo("bad_verification_code");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        String code = authorize(AUTHORIZE);
        String fresh = authorize(AUTHORIZE);
        clock.advance(Duration.ofMinutes(10));

        assertThat(exchange(code, CALLBACK, null).get("error").asText()).isEqualTo("bad_verification_code");
        clock.advance(Duration.ofSeconds(-1));
        assertThat(exchange(fresh, CALLBACK, null).has("access_token")).isTrue();
    }

    @Test
    void theTokenEndpointRefusesWrongClientCredentialsAndAnotherRedirectUri() throws Exception {
        String code = authorize(AUTHORIZE);

        JsonNode wrongSecret = json(browser.send("POST", "/login/oauth/access_token", "client_id=" + CLIENT_ID
                + "&client_secret=0123&code=" + code, Map.of("Accept", "application/json")));
        JsonNode wrongCallback = exchange(authorize(AUTHORIZE), "https://api.smokegate.test/other", null);

        assertThat(wrongSecret.get("error").asText()).isEqualTo("incorrect_client_credentials");
        assertThat(wrongCallback.get("error").asText()).isEqualTo("redirect_uri_mismatch");
        assertThat(exchange(code, CALLBACK, null).has("access_token")).isTrue();
    }

    @Test
    void withoutJsonInAcceptTheTokenComesFormEncodedAsGitHubsDefault() {
        String code = authorize(AUTHORIZE);

        Response response = browser.send("POST", "/login/oauth/access_token", "client_id=" + CLIENT_ID
                + "&client_secret=" + app.clientSecret() + "&code=" + code, Map.of());

        FormFields fields = FormFields.parse(response.body());
        assertThat(fields.getOrEmpty("access_token")).startsWith("gho_");
        assertThat(fields.getOrEmpty("token_type")).isEqualTo("bearer");
    }

    @Test
    void pkceS256NeedsTheVerifierTheChallengeWasDerivedFrom() throws Exception {
        String authorize = AUTHORIZE + "&code_challenge=" + S256_CHALLENGE + "&code_challenge_method=S256";

        assertThat(exchange(authorize(authorize), CALLBACK, VERIFIER).has("access_token")).isTrue();
        assertThat(exchange(authorize(authorize), CALLBACK, VERIFIER.replace('d', 'e')).get("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(exchange(authorize(authorize), CALLBACK, null).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(exchange(authorize(authorize), CALLBACK, S256_CHALLENGE).get("error").asText())
                .as("the challenge itself is not the verifier").isEqualTo("invalid_grant");
    }

    @Test
    void pkcePlainIsTheDefaultMethodAndComparesTheVerifierItself() throws Exception {
        String authorize = AUTHORIZE + "&code_challenge=" + VERIFIER;

        assertThat(exchange(authorize(authorize), CALLBACK, VERIFIER).has("access_token")).isTrue();
        assertThat(exchange(authorize(authorize), CALLBACK, S256_CHALLENGE).get("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(s256(VERIFIER)).isEqualTo(S256_CHALLENGE);
    }

    @Test
    void theUserEndpointNeedsAValidToken() throws Exception {
        Response none = browser.get("/api/v3/user");
        Response bogus = browser.send("GET", "/api/v3/user", "", Map.of("Authorization", "token gho_bogus"));
        Response basic = browser.send("GET", "/api/v3/user", "", Map.of("Authorization", "Basic Zm9vOmJhcg=="));

        assertThat(none.status()).isEqualTo(401);
        assertThat(json(none).get("message").asText()).isEqualTo("Requires authentication");
        assertThat(bogus.status()).isEqualTo(401);
        assertThat(json(bogus).get("message").asText()).isEqualTo("Bad credentials");
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void deviceVerificationComesAfterThePasswordAndCannotBePassed() {
        faults.asksForDeviceVerification = true;

        Response password = signInWithPassword(AUTHORIZE);

        assertThat(location(password)).isEqualTo("/sessions/verified-device");
        assertThat(html(browser.get("/sessions/verified-device"))).contains("Device verification", "id=\"otp\"");
        assertThat(html(browser.post("/sessions/verified-device", "otp=123456"))).contains("flash-error");
        assertThat(location(browser.get("/sessions/two-factor/app"))).isEqualTo("/sessions/verified-device");
        assertThat(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO)).status())
                .isEqualTo(302);
        assertThat(browser.cookies()).doesNotContainKey("user_session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"})
    void returnToNeverLeavesTheHost(String returnTo) {
        signInWithPassword(returnTo);

        assertThat(location(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO)))).isEqualTo("/");
    }

    private Response signInWithPassword(String returnTo) {
        return browser.post("/session", "login=smokegate-bot&password=" + enc(account.password()) + "&return_to="
                + enc(returnTo) + "&commit=Sign+in");
    }

    private void signIn(String returnTo) {
        signInWithPassword(returnTo);
        clock.advance(Duration.ofSeconds(30));
        assertThat(browser.post("/sessions/two-factor", "app_otp=" + code(Duration.ZERO)).status()).isEqualTo(302);
    }

    /** Signs in if needed, consents, and returns the code the callback receives. */
    private String authorize(String authorizeUrl) {
        if (!browser.cookies().containsKey("user_session")) {
            signIn(authorizeUrl);
        }
        Response consent = browser.get(authorizeUrl);
        Response callback = consent.status() == 302 ? consent
                : browser.post("/login/oauth/authorize", consentForm(authorizeUrl));
        URI uri = URI.create(location(callback));
        assertThat(uri.getHost()).isEqualTo("api.smokegate.test");
        FormFields query = FormFields.parse(uri.getRawQuery());
        assertThat(query.getOrEmpty("state")).isEqualTo("s1");
        return query.getOrEmpty("code");
    }

    private static String consentForm(String authorizeUrl) {
        return URI.create(authorizeUrl).getRawQuery() + "&authorize=1";
    }

    private JsonNode exchange(String code, String redirectUri, String verifier) throws Exception {
        String form = "client_id=" + CLIENT_ID + "&client_secret=" + app.clientSecret() + "&code=" + code
                + "&redirect_uri=" + enc(redirectUri) + (verifier == null ? "" : "&code_verifier=" + verifier);
        return json(browser.send("POST", "/login/oauth/access_token", form,
                Map.of("Accept", "application/json", "Content-Type", "application/x-www-form-urlencoded")));
    }

    private String code(Duration offset) {
        return Totp.GITHUB.at(Base32.decode(account.totpSecret()), clock.instant().plus(offset));
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    private static String enc(String value) {
        return FormFields.encode(value);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static final class SwitchedFaults implements StandInFaults {

        volatile boolean consentNeverEnables;
        volatile boolean asksForDeviceVerification;

        @Override
        public boolean consentNeverEnables() {
            return consentNeverEnables;
        }

        @Override
        public boolean asksForDeviceVerification() {
            return asksForDeviceVerification;
        }
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
