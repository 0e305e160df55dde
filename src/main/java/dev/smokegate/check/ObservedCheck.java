package dev.smokegate.check;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpEvidence;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A check put together from its parts: where it applies, why it does not when it does not, the probe it needs per
 * target, and a pure judge of that probe's observation. The areas' catalogues build their checks with it; an
 * observation that recorded HTTP exchanges has them attached to the verdict as evidence. Immutable: each
 * {@code with…} returns a new check.
 *
 * @param <O> the observation the check judges
 */
public final class ObservedCheck<O> implements Check<O> {

    private final CheckSpec spec;
    private final Function<EnvironmentConfig, List<Target>> targets;
    private final Function<EnvironmentConfig, String> notApplicable;
    private final BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> observation;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;
    private final Set<String> uses;
    private final Function<EnvironmentConfig, Optional<String>> browserLogin;

    private ObservedCheck(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
                          Function<EnvironmentConfig, String> notApplicable,
                          BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> observation,
                          BiFunction<O, EnvironmentConfig, Verdict> judge, Set<String> uses,
                          Function<EnvironmentConfig, Optional<String>> browserLogin) {
        this.spec = spec;
        this.targets = targets;
        this.notApplicable = notApplicable;
        this.observation = observation;
        this.judge = judge;
        this.uses = Set.copyOf(uses);
        this.browserLogin = browserLogin;
    }

    /**
     * @param targets     where the check applies in an environment; empty when it does not
     * @param observation the probe for one of those targets
     * @param judge       the verdict on that probe's observation
     */
    public static <O> ObservedCheck<O> of(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
                                          BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> observation,
                                          BiFunction<O, EnvironmentConfig, Verdict> judge) {
        return new ObservedCheck<>(spec, targets, config -> "not configured for this environment", observation,
                judge, Set.of(), config -> Optional.empty());
    }

    /** The reason a skipped result gives when {@link #targets} is empty: the config key that would enable it. */
    public ObservedCheck<O> withNotApplicable(Function<EnvironmentConfig, String> reason) {
        return new ObservedCheck<>(spec, targets, reason, observation, judge, uses, browserLogin);
    }

    /** This check with the {@code ${VAR}}s under {@code prefixes} needed too (see {@link Check#uses}). */
    public ObservedCheck<O> alsoUsing(String... prefixes) {
        Set<String> more = new HashSet<>(uses);
        more.addAll(List.of(prefixes));
        return new ObservedCheck<>(spec, targets, notApplicable, observation, judge, more, browserLogin);
    }

    /** When, and why, the check needs the browser login (see {@link Check#needsBrowserLogin}). */
    public ObservedCheck<O> withBrowserLogin(Function<EnvironmentConfig, Optional<String>> why) {
        return new ObservedCheck<>(spec, targets, notApplicable, observation, judge, uses, why);
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
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return observation.apply(target, config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        Verdict verdict = judge.apply(observed, config);
        return observed instanceof HttpEvidence http ? verdict.withEvidence(http.evidence()) : verdict;
    }

    @Override
    public Set<String> uses() {
        return uses;
    }

    @Override
    public Optional<String> needsBrowserLogin(EnvironmentConfig config) {
        return browserLogin.apply(config);
    }
}
