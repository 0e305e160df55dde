package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.BrowserSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.PlannedCheck;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.probe.browser.FakeEnvironment;
import dev.smokegate.probe.browser.FakeGitHub;
import dev.smokegate.probe.browser.FakeGitHub.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser checks through the engine, against a {@link FakeGitHub} broken one way at a time: each fault
 * fails (or, where nothing can be known, breaks) exactly the checks it should, with a message naming it, and a
 * healthy login passes them all. The reference deployment's fault matrix does the same against the real app.
 */
@ExternalProcesses
class LoginFaultsTest {

    private static final String LOGIN = "oauth.login.completes";
    private static final String COOKIE = "oauth.session-cookie.flags";
    private static final String LEAK = "oauth.no-token-leak";
    private static final String LOGOUT = "oauth.logout.invalidates";

    @TempDir
    Path dir;

    private Map<String, CheckResult> run(EnvironmentConfig config) throws Exception {
        Map<String, CheckResult> results = new LinkedHashMap<>();
        try (RunSession session = RunSession.open(config, Selection.of(Suite.NIGHTLY), LoginChecks.all(),
                FakeEnvironment.context(config), 4, Clock.systemUTC())) {
            for (PlannedCheck planned : session.planned()) {
                CheckResult result = session.evaluate(planned);
                results.put(result.id(), result);
            }
        }
        return results;
    }

    private EnvironmentConfig config(FakeGitHub fake, Optional<String> password, Optional<String> totpSecret)
            throws Exception {
        return FakeEnvironment.builder(fake, dir, password.orElse(fake.password),
                        totpSecret.orElse(fake.totpSecret))
                .browser(new BrowserSettings(BrowserSettings.DEFAULTS.chromium(),
                        BrowserSettings.DEFAULTS.chromedriver(), Optional.empty(), Duration.ofSeconds(4)))
                .build();
    }

    @Test
    void aHealthyLoginPassesEveryBrowserCheckWithOneBrowser() throws Exception {
        try (FakeGitHub fake = new FakeGitHub()) {
            Map<String, CheckResult> results = run(config(fake, Optional.empty(), Optional.empty()));

            assertThat(results).hasSize(LoginChecks.all().size());
            assertThat(results.values()).allSatisfy(r -> assertThat(r.outcome()).as(r.id() + ": " + r.message())
                    .isEqualTo(Outcome.PASSED));
            assertThat(results.get(LOGIN).evidence()).as("a screenshot per step, the forged-state callback's too")
                    .filteredOn(e -> e.isImage()).hasSize(7);
            assertThat(fake.thirdPartyReferers).isEmpty();
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                fault(Fault.DEVICE_VERIFICATION, LOGIN, Outcome.BROKEN,
                        "GitHub's device verification page (/sessions/verified-device)"),
                fault(Fault.CONSENT_NEVER_ENABLED, LOGIN, Outcome.BROKEN,
                        "Authorize button (#js-oauth-authorize-btn) did not become enabled within 4 s"),
                fault(Fault.CALLBACK_REFUSES, LOGIN, Outcome.FAILED, "answered 401"),
                fault(Fault.CALLBACK_ON_ANOTHER_HOST, LOGIN, Outcome.BROKEN,
                        "the login left GitHub for https://cdn.elsewhere.test/auth/github/callback?code=[REDACTED]"),
                fault(Fault.TOKEN_IN_LOCAL_STORAGE, LEAK, Outcome.FAILED,
                        "a GitHub token (gho_…) in localStorage under \"auth\""),
                fault(Fault.CODE_IN_FINAL_URL, LEAK, Outcome.FAILED, "the OAuth code in the URL the login landed on"),
                fault(Fault.TOKEN_IN_PAGE, LEAK, Outcome.FAILED, "a GitHub token (gho_…) in the page's DOM"),
                fault(Fault.TOKEN_IN_REFERER, LEAK, Outcome.FAILED,
                        "in the Referer sent to https://cdn.elsewhere.test:443"),
                fault(Fault.COOKIE_WITHOUT_HTTPONLY, COOKIE, Outcome.FAILED, "not HttpOnly"),
                fault(Fault.COOKIE_SAMESITE_NONE, COOKIE, Outcome.FAILED, "SameSite=None, expected lax or strict"),
                fault(Fault.COOKIE_FOR_PARENT_DOMAIN, COOKIE, Outcome.FAILED, "scoped to .fake.test"),
                fault(Fault.COOKIE_FOR_A_YEAR, COOKIE, Outcome.FAILED, "lives 365 days, longer than 30 days"),
                fault(Fault.LOGOUT_KEEPS_SESSION, LOGOUT, Outcome.FAILED, "the old session cookie still signs in"));
    }

    private static Arguments fault(Fault fault, String check, Outcome outcome, String fragment) {
        return Arguments.of(fault, check, outcome, fragment);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("faults")
    void eachFaultFailsItsCheckNamingIt(Fault fault, String check, Outcome outcome, String fragment) throws Exception {
        try (FakeGitHub fake = new FakeGitHub(fault)) {
            Map<String, CheckResult> results = run(config(fake, Optional.empty(), Optional.empty()));

            assertThat(results.get(check).outcome()).as(results.get(check).message()).isEqualTo(outcome);
            assertThat(results.get(check).message()).contains(fragment);
            boolean loginLevel = check.equals(LOGIN);
            results.values().stream().filter(r -> !r.id().equals(check)).forEach(r -> assertThat(r.outcome())
                    .as(r.id() + ": " + r.message()).isEqualTo(loginLevel ? Outcome.BROKEN : Outcome.PASSED));
        }
    }

    @Test
    void aWrongTotpSecretFailsTheLoginAsGitHubRefusingTheCode() throws Exception {
        try (FakeGitHub fake = new FakeGitHub()) {
            Map<String, CheckResult> results = run(config(fake, Optional.empty(), Optional.of("JBSWY3DPEHPK3PXP")));

            assertThat(results.get(LOGIN).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(results.get(LOGIN).message()).startsWith("GitHub refused the TOTP code at /sessions/two-factor")
                    .contains("Two-factor authentication failed.");
            assertThat(List.of(results.get(COOKIE), results.get(LEAK), results.get(LOGOUT)))
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.BROKEN));
        }
    }

    @Test
    void aWrongPasswordFailsTheLoginNamingIt() throws Exception {
        try (FakeGitHub fake = new FakeGitHub()) {
            Map<String, CheckResult> results = run(config(fake, Optional.of("not-the-password"), Optional.empty()));

            assertThat(results.get(LOGIN).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(results.get(LOGIN).message()).contains("GitHub refused the test account's login or password")
                    .contains("Incorrect username or password.");
        }
    }
}
