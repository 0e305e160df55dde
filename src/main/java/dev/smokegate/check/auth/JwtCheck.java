package dev.smokegate.check.auth;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpEvidence;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A requirement on the app's JWTs ({@code auth.jwt}): one observation, judged purely; the requests behind an
 * HTTP observation are attached as evidence (the redactor cuts every token in them down to its header).
 */
final class JwtCheck<O> implements Check<O> {

    private final CheckSpec spec;
    private final Function<EnvironmentConfig, List<Target>> targets;
    private final Function<EnvironmentConfig, String> notApplicable;
    private final Function<EnvironmentConfig, ProbeRequest<O>> request;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;

    JwtCheck(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
             Function<EnvironmentConfig, String> notApplicable,
             Function<EnvironmentConfig, ProbeRequest<O>> request, BiFunction<O, EnvironmentConfig, Verdict> judge) {
        this.spec = spec;
        this.targets = targets;
        this.notApplicable = notApplicable;
        this.request = request;
        this.judge = judge;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return targets.apply(config);
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return notApplicable.apply(config);
    }

    @Override
    public Optional<String> needsBrowserLogin(EnvironmentConfig config) {
        return config.jwt().tokenFromLogin() ? Optional.of("its token comes from the browser login "
                + "(auth.jwt.token-url; auth.jwt.token is not set)") : Optional.empty();
    }

    @Override
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return request.apply(config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        Verdict verdict = judge.apply(observed, config);
        return observed instanceof HttpEvidence http ? verdict.withEvidence(http.evidence()) : verdict;
    }

    @Override
    public Set<String> uses() {
        return Set.of("auth.jwt");
    }
}
