package dev.smokegate.check.http;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpProbes;
import dev.smokegate.probe.http.RedirectChain;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A requirement judged from HTTP observations: a spec, where it applies, the request it needs and a pure judge.
 * Every {@code http.*}, {@code headers.*} and {@code cors.*} check is one of these; the exchanges behind each
 * verdict are attached to it as evidence. Checks that ask for equal requests share one observation.
 *
 * @param <O> what the request observes: one exchange, a redirect chain, the CORS requests, ...
 */
public final class HttpCheck<O extends HttpEvidence> implements Check<O> {

    /** Judges one observation; a pure function. */
    @FunctionalInterface
    public interface Judge<O> {
        Verdict judge(O observed, EnvironmentConfig config);
    }

    /** Judges the response an origin's root answered with. */
    @FunctionalInterface
    public interface ResponseJudge {
        Verdict judge(HttpExchange response, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Function<EnvironmentConfig, List<Target>> targets;
    private final Function<EnvironmentConfig, String> notApplicable;
    private final BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> request;
    private final Judge<O> judge;
    private final Set<String> uses;

    private HttpCheck(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
                      Function<EnvironmentConfig, String> notApplicable,
                      BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> request, Judge<O> judge,
                      Set<String> uses) {
        this.spec = spec;
        this.targets = targets;
        this.notApplicable = notApplicable;
        this.request = request;
        this.judge = judge;
        this.uses = Set.copyOf(uses);
    }

    /** A check that makes {@code request} on each of {@code targets} and judges what it observed. */
    public static <O extends HttpEvidence> HttpCheck<O> of(CheckSpec spec,
            Function<EnvironmentConfig, List<Target>> targets,
            BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> request, Judge<O> judge) {
        return new HttpCheck<>(spec, targets, config -> "not configured for this environment", request, judge,
                Set.of("http"));
    }

    /** One GET of each target's address, redirects not followed. */
    public static HttpCheck<HttpObservation> get(CheckSpec spec, Function<EnvironmentConfig, List<Target>> targets,
                                                 Judge<HttpObservation> judge) {
        return of(spec, targets, (target, config) -> HttpProbes.get(URI.create(target.address())), judge);
    }

    /** A GET of each target's address, followed hop by hop through its redirects. */
    public static HttpCheck<RedirectChain> redirects(CheckSpec spec,
            Function<EnvironmentConfig, List<Target>> targets, Judge<RedirectChain> judge) {
        return of(spec, targets, (target, config) -> HttpProbes.redirects(URI.create(target.address())), judge);
    }

    /**
     * A requirement on the response headers of each origin's root: frontend, backend and
     * {@code headers.extra-origins}. They all judge the same request, so the version-banner and security-header
     * checks cost one round trip per origin together.
     */
    public static HttpCheck<HttpObservation> originResponse(CheckSpec spec, ResponseJudge judge) {
        return get(spec, HttpCheck::origins, answered(judge));
    }

    /** A requirement on the page the browser loads, which an API origin serving JSON has no part in. */
    public static HttpCheck<HttpObservation> frontendResponse(CheckSpec spec, ResponseJudge judge) {
        return get(spec, config -> origins(config).subList(0, 1), answered(judge));
    }

    /** The reason shown on the skipped result when {@link #targets} is empty: which key would enable the check. */
    public HttpCheck<O> whenNotApplicable(Function<EnvironmentConfig, String> reason) {
        return new HttpCheck<>(spec, targets, reason, request, judge, uses);
    }

    /** This check with the {@code ${VAR}}s under {@code section} needed too (see {@link Check#uses}). */
    public HttpCheck<O> alsoUsing(String section) {
        Set<String> more = new java.util.HashSet<>(uses);
        more.add(section);
        return new HttpCheck<>(spec, targets, notApplicable, request, judge, more);
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
        return request.apply(target, config);
    }

    @Override
    public Verdict judge(O observed, Target target, EnvironmentConfig config) {
        return judge.judge(observed, config).withEvidence(observed.evidence());
    }

    @Override
    public Set<String> uses() {
        return uses;
    }

    private static List<Target> origins(EnvironmentConfig config) {
        List<Target> origins = new ArrayList<>();
        origins.add(new Target(Target.FRONTEND, config.frontend().url().resolve("/").toString()));
        origins.add(new Target(Target.BACKEND, config.backend().url().resolve("/").toString()));
        config.headers().extraOrigins().forEach(o -> origins.add(new Target(Target.ORIGIN, o.resolve("/").toString())));
        return origins;
    }

    /** Headers can only be judged on a response: without one, nothing is known about them. */
    private static Judge<HttpObservation> answered(ResponseJudge judge) {
        return (observed, config) -> observed.exchange().map(response -> judge.judge(response, config))
                .orElseGet(() -> Verdict.inconclusive("no response whose headers could be inspected: "
                        + observed.failure().orElse("no response")));
    }
}
