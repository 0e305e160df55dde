package dev.smokegate.check.oauth;

import dev.smokegate.check.Check;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.browser.LoginObservation;
import dev.smokegate.probe.browser.LoginProbes;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A requirement judged from the one browser login of the run ({@link LoginProbes#githubLogin}): every check of
 * this kind shares it. It applies when the {@code oauth} section names a test account whose values are all set, a
 * "who am I" endpoint and a way to start the login; a check may need more ({@code oauth.logout-url}).
 */
final class LoginCheck implements Check<LoginObservation> {

    private final CheckSpec spec;
    private final BiFunction<LoginObservation, EnvironmentConfig, Verdict> judge;
    private final boolean needsLogout;

    LoginCheck(CheckSpec spec, BiFunction<LoginObservation, EnvironmentConfig, Verdict> judge, boolean needsLogout) {
        this.spec = spec;
        this.judge = judge;
        this.needsLogout = needsLogout;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        if (missing(config).isPresent()) {
            return List.of();
        }
        OAuthSettings oauth = config.oauth();
        return List.of(oauth.signInSelector().isPresent()
                ? new Target(Target.FRONTEND, config.frontend().url().toString())
                : new Target(Target.BACKEND, oauth.loginUrl().orElseThrow().toString()));
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return missing(config).orElse("not configured for this environment");
    }

    /** The first config key this check lacks, as the skipped result says it. */
    private Optional<String> missing(EnvironmentConfig config) {
        OAuthSettings oauth = config.oauth();
        if (oauth.equals(OAuthSettings.NONE)) {
            return Optional.of("no oauth section is configured");
        }
        if (oauth.account().isEmpty()) {
            return Optional.of("no test account: oauth.test-login, oauth.test-password and oauth.test-totp-secret "
                    + "are not configured");
        }
        OAuthSettings.TestAccount account = oauth.account().get();
        TreeSet<String> unset = new TreeSet<>();
        for (ConfigValue value : List.of(account.login(), account.password(), account.totpSecret())) {
            unset.addAll(value.unset());
        }
        if (!unset.isEmpty()) {
            return Optional.of("the test account is not available here: " + String.join(", ", unset)
                    + (unset.size() == 1 ? " is" : " are") + " not set (oauth.test-login, oauth.test-password, "
                    + "oauth.test-totp-secret)");
        }
        if (oauth.meUrl().isEmpty()) {
            return Optional.of("no oauth.me-url is configured");
        }
        if (oauth.signInSelector().isEmpty() && oauth.loginUrl().isEmpty()) {
            return Optional.of("neither oauth.sign-in-selector nor oauth.login-url is configured");
        }
        if (needsLogout && oauth.logoutUrl().isEmpty()) {
            return Optional.of("no oauth.logout-url is configured");
        }
        return Optional.empty();
    }

    @Override
    public ProbeRequest<LoginObservation> observation(Target target, EnvironmentConfig config) {
        return LoginProbes.githubLogin(config);
    }

    @Override
    public Verdict judge(LoginObservation observation, Target target, EnvironmentConfig config) {
        return judge.apply(observation, config);
    }
}
