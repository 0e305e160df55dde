package dev.smokegate.check;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One requirement, judged per target. {@link #judge} is a pure function of an observation; the engine runs the
 * probe named by {@link #observation} and hands its result here.
 *
 * @param <O> the observation this check judges
 */
public interface Check<O> {

    CheckSpec spec();

    /** Where the check applies in this environment; empty when nothing is configured for it. */
    List<Target> targets(EnvironmentConfig config);

    /** Why {@link #targets} is empty, shown on the skipped result: which config key would enable the check. */
    default String notApplicable(EnvironmentConfig config) {
        return "not configured for this environment";
    }

    ProbeRequest<O> observation(Target target, EnvironmentConfig config);

    Verdict judge(O observation, Target target, EnvironmentConfig config);

    /**
     * Config key prefixes whose {@code ${VAR}} references must be set for this check to run; an unset variable
     * under one of them is a config error when the check is selected.
     */
    default Set<String> uses() {
        return Set.of();
    }

    /**
     * Why this check needs the browser login in this environment, when it does though its suites include the gate
     * (its token comes from the login, say). The gate runs without the test account's credentials, so there the
     * check is skipped with this reason; an explicit {@code --only} still runs it.
     */
    default Optional<String> needsBrowserLogin(EnvironmentConfig config) {
        return Optional.empty();
    }

    /** What must hold before any probe of the run starts, or the run is refused with nothing touched. */
    default Optional<Preflight<?>> preflight(Target target, EnvironmentConfig config) {
        return Optional.empty();
    }
}
