package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every browser check can fail: the four {@code oauth.*} browser checks run through the JUnit
 * Platform against the reference deployment's real Node app and GitHub's stand-in, in headless Chromium, healthy
 * (all pass) and once per fault (exactly the expected check fails, or cannot verify, naming the problem).
 */
@ExternalProcesses
class BrowserFaultMatrixTest extends OnReferenceDeployment {

    private SuiteRun run(EnvironmentConfig environment) throws Exception {
        return SuiteRun.of(environment, new Selection(Suite.NIGHTLY, BrowserFaultCase.CHECKS));
    }

    @Test
    void healthyDeploymentPassesEveryBrowserCheck() throws Exception {
        SuiteRun run = run(config);

        assertThat(run.withOutcome(Outcome.PASSED)).as(run.report().results().toString())
                .containsOnlyKeys(BrowserFaultCase.CHECKS);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.BrowserFaultCase#ALL")
    void faultFailsExactlyItsCheck(BrowserFaultCase fault) throws Exception {
        deployment.inject(fault.fault());

        SuiteRun run = run(config);

        Map<String, String> expected = run.withOutcome(fault.outcome());
        assertThat(expected).as(run.report().results().toString()).containsKey(fault.check());
        assertThat(expected.get(fault.check())).contains(fault.fragment());
        Outcome others = fault.stopsTheLogin() ? Outcome.BROKEN : Outcome.PASSED;
        assertThat(run.withOutcome(others).keySet()).as(run.report().results().toString())
                .containsAll(BrowserFaultCase.CHECKS.stream().filter(id -> !id.equals(fault.check())).toList());
    }

    @Test
    void aWrongTotpSecretFailsTheLoginAsGitHubRefusingTheCode() throws Exception {
        OAuthSettings o = config.oauth();
        OAuthSettings.TestAccount account = o.account().orElseThrow();
        EnvironmentConfig wrongSecret = config.newBuilder().oauth(new OAuthSettings(o.githubUrl(), o.githubApiUrl(),
                o.clientId(), o.loginUrl(), o.callbackUrl(), o.allowedScopes(), o.pkce(), o.signInSelector(),
                o.meUrl(), o.meLoginField(), o.logoutUrl(), o.logoutMethod(), o.sessionCookie(), o.sameSite(),
                o.maxSessionLifetime(), java.util.Optional.of(new OAuthSettings.TestAccount(account.login(),
                account.password(), ConfigValue.literal("oauth.test-totp-secret", "JBSWY3DPEHPK3PXP")))))
                .build();

        SuiteRun run = run(wrongSecret);

        assertThat(run.withOutcome(Outcome.FAILED)).containsOnlyKeys(BrowserFaultCase.LOGIN);
        assertThat(run.withOutcome(Outcome.FAILED).get(BrowserFaultCase.LOGIN))
                .startsWith("GitHub refused the TOTP code");
    }
}
