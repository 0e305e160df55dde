package dev.smokegate.check.oauth;

import static dev.smokegate.check.oauth.RecordedLogin.AT;
import static dev.smokegate.check.oauth.RecordedLogin.CODE;
import static dev.smokegate.check.oauth.RecordedLogin.CONFIG;
import static dev.smokegate.check.oauth.RecordedLogin.TOKEN;
import static dev.smokegate.check.oauth.RecordedLogin.cookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Evidence;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.browser.LoginObservation;
import dev.smokegate.probe.browser.LoginObservation.BrowserCookie;
import dev.smokegate.probe.browser.LoginObservation.End.Kind;
import dev.smokegate.probe.browser.LoginObservation.SentRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginJudgesTest {

    private static void assertNoSecret(Verdict verdict) {
        assertThat(verdict.message()).doesNotContain(TOKEN).doesNotContain(CODE).doesNotContain(TOKEN.substring(4));
        verdict.evidence().stream().filter(e -> !e.isImage()).forEach(e -> assertThat(e.content())
                .as(e.title()).doesNotContain(TOKEN).doesNotContain(CODE));
    }

    @Nested
    class LoginCompletes {

        @Test
        void passesWhenTheWhoAmIEndpointNamesTheTestAccount() {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.healthy(), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.PASS);
            assertThat(verdict.message()).contains("4 pages").contains("https://api.example.com/api/me names it");
        }

        @Test
        void passesWhenTheLoginDiffersOnlyInCase() {
            assertThat(LoginJudges.loginCompletes(RecordedLogin.withMe(200, "{\"login\":\"SmokeGate-Bot\"}"), CONFIG)
                    .status()).isEqualTo(Status.PASS);
        }

        @Test
        void attachesEveryStepsScreenshotAndTheListOfSteps() {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.healthy(), CONFIG);

            assertThat(verdict.evidence()).filteredOn(Evidence::isImage).hasSize(4);
            assertThat(verdict.evidence().get(0).title()).isEqualTo("browser steps");
            assertThat(verdict.evidence().get(0).content()).contains("2. GitHub sign-in (/login)")
                    .contains("end: landed");
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403, 302, 500})
        void failsWhenTheWhoAmIEndpointDoesNotAnswer200(int status) {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.withMe(status, "{}"), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("answered " + status).contains("did not sign the test account in");
            assertThat(verdict.evidence()).extracting(Evidence::title).contains("browser console log (secrets masked)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"user\":\"smokegate-bot\"}", "{\"login\":7}", "not json", "[]"})
        void failsWhenTheAnswerHasNoLoginField(String body) {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.withMe(200, body), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("without a JSON field \"login\"");
        }

        @Test
        void failsWhenTheAnswerNamesSomeoneElse() {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.withMe(200, "{\"login\":\"octocat\"}"),
                    CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("another user");
        }

        @Test
        void isInconclusiveWhenTheBrowserCouldNotReadTheEndpoint() {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.withMe(0, "TypeError: Failed to fetch"),
                    CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
        }

        @ParameterizedTest
        @EnumSource(value = Kind.class, names = {"PASSWORD_REFUSED", "TOTP_REFUSED", "NOT_SENT_TO_GITHUB"})
        void failsWhenGitHubOrTheAppRefusesTheLogin(Kind kind) {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.ended(kind, "GitHub refused the TOTP code at "
                    + "/sessions/two-factor"), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).startsWith("GitHub refused the TOTP code");
        }

        @ParameterizedTest
        @EnumSource(value = Kind.class, names = {"UNKNOWN_PAGE", "STUCK", "CREDENTIALS_WITHHELD", "NOT_FINISHED"})
        void isInconclusiveWhenTheFlowCannotTellWhetherTheLoginWorks(Kind kind) {
            Verdict verdict = LoginJudges.loginCompletes(RecordedLogin.ended(kind, "the login stopped at GitHub's "
                    + "device verification page (/sessions/verified-device)"), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
            assertThat(verdict.message()).contains("device verification").contains("local Chromium");
            assertThat(verdict.evidence()).filteredOn(Evidence::isImage).isNotEmpty();
        }
    }

    @Nested
    class SessionCookieFlags {

        private Verdict judge(BrowserCookie cookie) {
            return LoginJudges.sessionCookieFlags(RecordedLogin.withCookie(Optional.of(cookie)), CONFIG);
        }

        static Stream<Arguments> sound() {
            return Stream.of(
                    Arguments.of("host-only, Lax, 8 h", cookie("api.example.com", true, true, "Lax",
                            AT.plus(Duration.ofHours(8)))),
                    Arguments.of("Strict", cookie("api.example.com", true, true, "Strict", AT.plusSeconds(60))),
                    Arguments.of("until the browser closes", cookie("api.example.com", true, true, "Lax", null)),
                    Arguments.of("Domain of its own host", cookie(".api.example.com", true, true, "Lax", null)),
                    Arguments.of("exactly the longest lifetime", cookie("api.example.com", true, true, "lax",
                            AT.plus(Duration.ofDays(30)))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sound")
        void passesASecureHttpOnlySameSiteCookieOfItsOwnHost(String name, BrowserCookie cookie) {
            Verdict verdict = judge(cookie);

            assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
            assertThat(verdict.message()).contains("Secure, HttpOnly");
        }

        static Stream<Arguments> unsound() {
            return Stream.of(
                    Arguments.of(cookie("api.example.com", false, true, "Lax", null), "not Secure"),
                    Arguments.of(cookie("api.example.com", true, false, "Lax", null), "not HttpOnly"),
                    Arguments.of(cookie("api.example.com", true, true, "None", null), "SameSite=None, expected lax or "
                            + "strict (oauth.same-site)"),
                    Arguments.of(cookie("api.example.com", true, true, null, null), "no SameSite attribute"),
                    Arguments.of(cookie(".example.com", true, true, "Lax", null), "scoped to .example.com, so every "
                            + "host under example.com receives the session"),
                    Arguments.of(cookie("api.example.com", true, true, "Lax", AT.plus(Duration.ofDays(365))),
                            "lives 365 days, longer than 30 days (oauth.max-session-lifetime)"),
                    Arguments.of(cookie("api.example.com", true, true, "Lax", AT.plus(Duration.ofDays(30))
                            .plusSeconds(3600)), "lives 30 days, longer than 30 days"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("unsound")
        void failsNamingTheFlagThatIsWrong(BrowserCookie cookie, String problem) {
            Verdict verdict = judge(cookie);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).startsWith("session cookie sid: ").contains(problem);
        }

        @Test
        void roundsTheLifetimeAsItWasSet() {
            Verdict verdict = judge(cookie("api.example.com", true, true, "Lax", AT.plus(Duration.ofHours(8))
                    .minusSeconds(30)));

            assertThat(verdict.message()).contains("expires in 8 h");
        }

        @Test
        void namesEveryProblemOfOneCookie() {
            Verdict verdict = judge(cookie(".example.com", false, false, "None", null));

            assertThat(verdict.message()).contains("not Secure").contains("not HttpOnly").contains("SameSite=None")
                    .contains("scoped to .example.com");
        }

        @Test
        void acceptsSameSiteNoneWhenTheConfigDoes() {
            Verdict verdict = LoginJudges.sessionCookieFlags(RecordedLogin.withCookie(Optional.of(
                    cookie("api.example.com", true, true, "None", null))), RecordedLogin.config(Set.of("none")));

            assertThat(verdict.status()).isEqualTo(Status.PASS);
        }

        @Test
        void isInconclusiveWithoutTheNamedCookie() {
            Verdict verdict = LoginJudges.sessionCookieFlags(RecordedLogin.withCookie(Optional.empty()), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
            assertThat(verdict.message()).contains("no cookie named \"sid\"").contains("oauth.session-cookie");
        }
    }

    @Nested
    class NoTokenLeak {

        private Verdict judge(String url, String dom, Map<String, String> local, Map<String, String> session,
                              List<SentRequest> requests) {
            Verdict verdict = LoginJudges.noTokenLeak(RecordedLogin.withPage(url, dom, local, session, requests),
                    CONFIG);
            assertNoSecret(verdict);
            return verdict;
        }

        @Test
        void passesWhenNothingHoldsATokenOrTheCode() {
            Verdict verdict = LoginJudges.noTokenLeak(RecordedLogin.healthy(), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.PASS);
            assertThat(verdict.message()).contains("not the OAuth code").contains("1 third-party origin(s)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://app.example.com/?token=" + TOKEN, "https://app.example.com/#access_token="
                + TOKEN, "https://app.example.com/welcome/" + TOKEN, "https://app.example.com/?t=ghu_"
                + "0123456789abcdefABCDEF0123", "https://app.example.com/?t=ghp_0123456789abcdefABCDEF0123"})
        void failsOnATokenInTheLandingUrl(String url) {
            Verdict verdict = judge(url, "<html></html>", Map.of(), Map.of(), List.of());

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("a GitHub token (gh").contains("in the URL the login landed on");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://app.example.com/?code=" + CODE, "https://app.example.com/?code=" + CODE
                + "&state=abc", "https://app.example.com/#" + CODE})
        void failsOnTheCodeInTheLandingUrl(String url) {
            Verdict verdict = judge(url, "<html></html>", Map.of(), Map.of(), List.of());

            assertThat(verdict.message()).contains("the OAuth code in the URL the login landed on");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<script>window.token = '" + TOKEN + "'</script>", "<div data-token=\"" + TOKEN
                + "\" hidden></div>", "<input type=hidden name=code value=" + CODE + ">"})
        void failsOnASecretInTheDom(String dom) {
            Verdict verdict = judge("https://app.example.com/", dom, Map.of(), Map.of(), List.of());

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("in the page's DOM");
        }

        @Test
        void failsOnATokenInLocalStorageNamingTheKey() {
            Verdict verdict = judge("https://app.example.com/", "", Map.of("auth", "{\"token\":\"" + TOKEN + "\"}"),
                    Map.of(), List.of());

            assertThat(verdict.message()).contains("a GitHub token (gho_…) in localStorage under \"auth\"");
        }

        @Test
        void failsOnTheCodeInSessionStorage() {
            Verdict verdict = judge("https://app.example.com/", "", Map.of(), Map.of("oauth", CODE), List.of());

            assertThat(verdict.message()).contains("the OAuth code in sessionStorage under \"oauth\"");
        }

        @Test
        void failsOnATokenInTheRefererSentToAThirdParty() {
            Verdict verdict = judge("https://app.example.com/", "", Map.of(), Map.of(), List.of(new SentRequest(
                    "https://cdn.tracker.example/pixel.gif", Optional.of("https://app.example.com/?t=" + TOKEN))));

            assertThat(verdict.message()).contains("in the Referer sent to https://cdn.tracker.example:443");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://api.example.com/auth/github/callback?code=x", "https://github.com/login",
                "https://app.example.com/assets/app.js", "https://api.github.com/user"})
        void passesTheCodeInTheRefererToTheLoginsOwnParties(String url) {
            Verdict verdict = judge("https://app.example.com/", "", Map.of(), Map.of(), List.of(new SentRequest(url,
                    Optional.of("https://api.example.com/auth/github/callback?code=" + CODE))));

            assertThat(verdict.status()).isEqualTo(Status.PASS);
        }

        @Test
        void namesEveryPlaceAtOnce() {
            Verdict verdict = judge("https://app.example.com/?code=" + CODE, "<p>" + TOKEN + "</p>",
                    Map.of("t", TOKEN), Map.of(), List.of());

            assertThat(verdict.message()).contains("URL the login landed on").contains("DOM").contains("localStorage");
        }
    }

    @Nested
    class LogoutInvalidates {

        private Verdict judge(Optional<LoginObservation.Logout> logout) {
            return LoginJudges.logoutInvalidates(RecordedLogin.withLogout(logout), CONFIG);
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403, 302, 404})
        void passesWhenTheOldCookieIsRefused(int status) {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(204, RecordedLogin.replay(200),
                    RecordedLogin.replay(status))));

            assertThat(verdict.status()).isEqualTo(Status.PASS);
            assertThat(verdict.message()).contains("POST https://api.example.com/auth/logout answered 204")
                    .contains("answered " + status);
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 204})
        void failsWhenTheOldCookieStillSignsIn(int status) {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(204, RecordedLogin.replay(200),
                    RecordedLogin.replay(status))));

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("still signs in");
            assertThat(verdict.evidence()).hasSize(2);
        }

        @Test
        void failsWhenTheLogoutItselfWasRefusedAndTheCookieStillWorks() {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(405, RecordedLogin.replay(200),
                    RecordedLogin.replay(200))));

            assertThat(verdict.message()).contains("answered 405").contains("still signs in");
        }

        @Test
        void failsWhenTheOldCookieBreaksTheServer() {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(204, RecordedLogin.replay(200),
                    RecordedLogin.replay(500))));

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("fail with 500");
        }

        @Test
        void isInconclusiveWhenTheReplayFailsEvenBeforeTheLogout() {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(204, RecordedLogin.replay(401),
                    RecordedLogin.replay(401))));

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
            assertThat(verdict.message()).contains("not accepted even before the logout (answered 401)");
        }

        @Test
        void isInconclusiveWhenTheReplayAfterGetsNoAnswer() {
            Verdict verdict = judge(Optional.of(RecordedLogin.logout(204, RecordedLogin.replay(200),
                    RecordedLogin.unanswered())));

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
        }
    }

    static Stream<Arguments> dependentJudges() {
        return Stream.of(Arguments.of("cookie", (BiFunction<LoginObservation, dev.smokegate.config.EnvironmentConfig,
                        Verdict>) LoginJudges::sessionCookieFlags),
                Arguments.of("leak", (BiFunction<LoginObservation, dev.smokegate.config.EnvironmentConfig, Verdict>)
                        LoginJudges::noTokenLeak),
                Arguments.of("logout", (BiFunction<LoginObservation, dev.smokegate.config.EnvironmentConfig,
                        Verdict>) LoginJudges::logoutInvalidates));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dependentJudges")
    void theOtherChecksCannotTellWithoutACompleteLogin(String name,
            BiFunction<LoginObservation, dev.smokegate.config.EnvironmentConfig, Verdict> judge) {
        Verdict refused = judge.apply(RecordedLogin.ended(Kind.TOTP_REFUSED, "GitHub refused the TOTP code"), CONFIG);
        Verdict signedOut = judge.apply(RecordedLogin.withMe(401, "{}"), CONFIG);

        assertThat(refused.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(refused.message()).contains("see oauth.login.completes");
        assertThat(signedOut.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(refused.evidence()).extracting(Evidence::title).contains("browser console log (secrets masked)");
    }

    @Nested
    class StateVerified {

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 200, 302})
        void passesWhenAForgedStateSignsNobodyIn(int callbackStatus) {
            Verdict verdict = LoginJudges.stateVerified(RecordedLogin.withForgedState(RecordedLogin.healthy(),
                    RecordedLogin.forgedState(callbackStatus, 401)), CONFIG);

            assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
            assertThat(verdict.message()).contains("answered " + callbackStatus);
            assertNoSecret(verdict);
        }

        @Test
        void failsWhenAForgedStateSignsTheBrowserIn() {
            Verdict verdict = LoginJudges.stateVerified(RecordedLogin.withForgedState(RecordedLogin.healthy(),
                    RecordedLogin.forgedState(302, 200)), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("the app does not check the OAuth state").contains("login CSRF");
            assertNoSecret(verdict);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502})
        void failsOnAServerError(int status) {
            Verdict verdict = LoginJudges.stateVerified(RecordedLogin.withForgedState(RecordedLogin.healthy(),
                    RecordedLogin.forgedState(status, 401)), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.FAIL);
            assertThat(verdict.message()).contains("a server error instead of a refusal");
        }

        @Test
        void isInconclusiveWhenTheForgeryCouldNotBeTried() {
            Verdict verdict = LoginJudges.stateVerified(RecordedLogin.withForgedState(RecordedLogin.healthy(),
                    new LoginObservation.ForgedState("", 0, java.util.Optional.empty(), java.util.Optional.of(
                            "GitHub did not send the browser back"))), CONFIG);

            assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
            assertThat(verdict.message()).contains("could not be tried: GitHub did not send the browser back");
        }
    }
}
