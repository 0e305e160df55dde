package dev.smokegate.check.oauth;

import dev.smokegate.check.Check;
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

    private Optional<String> missing(EnvironmentConfig config) {
        return config.oauth().browserLoginMissing(needsLogout);
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
