package dev.smokegate.check.cors;

import dev.smokegate.check.Check;
import dev.smokegate.check.cors.ForeignOrigins.Foreign;
import dev.smokegate.config.CorsPolicy;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.CorsExchange;
import dev.smokegate.probe.http.CorsObservation;
import dev.smokegate.probe.http.HttpProbes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A requirement on the backend's answers to cross-origin requests. All cors.* checks ask for the same requests
 * (every allowed origin, then every foreign one), so the backend sees one set of preflights and GETs per run; each
 * check judges the origins it is about.
 */
public final class CorsCheck implements Check<CorsObservation> {

    @FunctionalInterface
    public interface Judge {
        /** Judges the exchanges from the judged origins that got a response. */
        Verdict judge(List<CorsExchange> answered, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Function<EnvironmentConfig, List<String>> judgedOrigins;
    private final Judge judge;

    /** @param judgedOrigins the origins whose exchanges the judge needs: {@link #allowed}, {@link #foreign}, ... */
    public CorsCheck(CheckSpec spec, Function<EnvironmentConfig, List<String>> judgedOrigins, Judge judge) {
        this.spec = spec;
        this.judgedOrigins = judgedOrigins;
        this.judge = judge;
    }

    public static List<String> allowed(EnvironmentConfig config) {
        return config.cors().allowedOrigins(config);
    }

    public static List<String> foreign(EnvironmentConfig config) {
        return ForeignOrigins.of(config).stream().map(Foreign::origin).toList();
    }

    /** Every origin sent, allowed first: the argument all cors.* checks share. */
    public static List<String> origins(EnvironmentConfig config) {
        List<String> origins = new ArrayList<>(allowed(config));
        origins.addAll(foreign(config));
        return origins;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        String path = config.cors().path().orElse(config.backend().healthPath());
        return List.of(new Target("backend", config.backend().url().resolve(path).toString()));
    }

    @Override
    public ProbeRequest<CorsObservation> observation(Target target, EnvironmentConfig config) {
        CorsPolicy policy = config.cors();
        return HttpProbes.cors(URI.create(target.address()), origins(config), policy.preflightMethods(),
                policy.requestHeaders());
    }

    @Override
    public Set<String> uses() {
        return Set.of("http");
    }

    /**
     * A finding among the answered requests fails even when others went unanswered: what was seen is certain.
     * Without a finding, an unanswered request leaves the requirement unverified.
     */
    @Override
    public Verdict judge(CorsObservation observed, Target target, EnvironmentConfig config) {
        List<String> origins = judgedOrigins.apply(config);
        List<CorsExchange> judged = observed.exchanges().stream().filter(e -> origins.contains(e.origin())).toList();
        List<CorsExchange> answered = judged.stream().filter(e -> e.observation().exchange().isPresent()).toList();
        List<CorsExchange> unanswered = judged.stream().filter(e -> e.observation().exchange().isEmpty()).toList();
        Verdict verdict = judge.judge(answered, config);
        if (!unanswered.isEmpty()) {
            CorsExchange first = unanswered.get(0);
            String missing = "no response to " + (unanswered.size() == 1 ? "" : unanswered.size() + " of "
                    + judged.size() + " requests, first ") + CorsJudges.describe(first) + ": "
                    + first.observation().failure().orElse("no response");
            verdict = verdict.status() == Verdict.Status.FAIL
                    ? Verdict.fail(verdict.message() + " (also " + missing + ")")
                    : Verdict.inconclusive("could not verify: " + missing);
        }
        return verdict.withEvidence(observed.evidence());
    }
}
