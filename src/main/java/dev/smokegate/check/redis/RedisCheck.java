package dev.smokegate.check.redis;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.RedisUrl;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** A requirement on the Redis that {@code redis.url} names, judged from one scenario played against it. */
final class RedisCheck<O> implements Check<O> {

    @FunctionalInterface
    interface Scenario<O> {
        ProbeRequest<O> request(RedisUrl url, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Scenario<O> scenario;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;

    RedisCheck(CheckSpec spec, Scenario<O> scenario, BiFunction<O, EnvironmentConfig, Verdict> judge) {
        this.spec = spec;
        this.scenario = scenario;
        this.judge = judge;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return config.redis().address().map(url -> List.of(new Target(Target.REDIS, url.toString())))
                .orElse(List.of());
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "no redis.url is configured";
    }

    @Override
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return scenario.request(config.redis().address().orElseThrow(), config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        return judge.apply(observed, config);
    }

    @Override
    public Set<String> uses() {
        return Set.of("redis");
    }
}
