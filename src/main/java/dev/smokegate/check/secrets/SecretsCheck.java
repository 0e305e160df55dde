package dev.smokegate.check.secrets;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A requirement on what the public origins serve to anyone, judged once per environment at its frontend. */
final class SecretsCheck<O> implements Check<O> {

    private final CheckSpec spec;
    private final Function<EnvironmentConfig, ProbeRequest<O>> request;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;
    private final Set<String> uses;

    /** @param uses config keys whose {@code ${VAR}}s the check needs set */
    SecretsCheck(CheckSpec spec, Function<EnvironmentConfig, ProbeRequest<O>> request,
                 BiFunction<O, EnvironmentConfig, Verdict> judge, Set<String> uses) {
        this.spec = spec;
        this.request = request;
        this.judge = judge;
        this.uses = Set.copyOf(uses);
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return List.of(new Target(Target.FRONTEND, config.frontend().url().toString()));
    }

    @Override
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return request.apply(config);
    }

    @Override
    public Verdict judge(O observation, Target target, EnvironmentConfig config) {
        return judge.apply(observation, config);
    }

    @Override
    public Set<String> uses() {
        return uses;
    }
}
