package dev.smokegate.check.db;

import dev.smokegate.check.Check;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A requirement on the Postgres that {@code database.url} reaches, judged from one observation. A check that needs
 * more configuration than the URL names the key it is missing ({@code requires}) and is skipped without it.
 */
final class DbCheck<O> implements Check<O> {

    /** What a check needs besides the URL: empty when configured, else the reason it is skipped. */
    @FunctionalInterface
    interface Requirement {
        Optional<String> missing(EnvironmentConfig config);

        Requirement NOTHING_MORE = config -> Optional.empty();
    }

    private final CheckSpec spec;
    private final BiFunction<PostgresUrl, EnvironmentConfig, ProbeRequest<O>> observation;
    private final BiFunction<O, EnvironmentConfig, Verdict> judge;
    private final Requirement requires;

    DbCheck(CheckSpec spec, BiFunction<PostgresUrl, EnvironmentConfig, ProbeRequest<O>> observation,
            BiFunction<O, EnvironmentConfig, Verdict> judge, Requirement requires) {
        this.spec = spec;
        this.observation = observation;
        this.judge = judge;
        this.requires = requires;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        if (requires.missing(config).isPresent()) {
            return List.of();
        }
        return url(config).map(url -> List.of(new Target(Target.DATABASE, url.display()))).orElse(List.of());
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        if (config.database().url().isEmpty()) {
            return "no database.url is configured";
        }
        return requires.missing(config).orElse("database.url is not a postgres:// URL");
    }

    @Override
    public ProbeRequest<O> observation(Target target, EnvironmentConfig config) {
        return observation.apply(url(config).orElseThrow(), config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        return judge.apply(observed, config);
    }

    @Override
    public Set<String> uses() {
        return Set.of("database.url", "database.migrations");
    }

    /** The configured URL, when it parses (the loader reports one that does not). */
    static Optional<PostgresUrl> url(EnvironmentConfig config) {
        Optional<String> text = config.database().url().map(ConfigValue::value).filter(v -> !v.isEmpty());
        try {
            return text.map(PostgresUrl::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
