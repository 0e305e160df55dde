package dev.smokegate.check.http;

import dev.smokegate.check.ObservedCheck;
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
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The checks judged from HTTP observations: every {@code http.*}, {@code headers.*} and {@code cors.*} check is an
 * {@link ObservedCheck} made here, needing the {@code http} section's {@code ${VAR}}s, with the exchanges behind
 * each verdict attached as evidence. Checks that ask for equal requests share one observation.
 */
public final class HttpCheck {

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

    private HttpCheck() {
    }

    /** A check that makes {@code request} on each of {@code targets} and judges what it observed. */
    public static <O extends HttpEvidence> ObservedCheck<O> of(CheckSpec spec,
            Function<EnvironmentConfig, List<Target>> targets,
            BiFunction<Target, EnvironmentConfig, ProbeRequest<O>> request, Judge<O> judge) {
        return ObservedCheck.of(spec, targets, request, judge::judge).alsoUsing("http");
    }

    /** One GET of each target's address, redirects not followed. */
    public static ObservedCheck<HttpObservation> get(CheckSpec spec,
            Function<EnvironmentConfig, List<Target>> targets, Judge<HttpObservation> judge) {
        return of(spec, targets, (target, config) -> HttpProbes.get(URI.create(target.address())), judge);
    }

    /** A GET of each target's address, followed hop by hop through its redirects. */
    public static ObservedCheck<RedirectChain> redirects(CheckSpec spec,
            Function<EnvironmentConfig, List<Target>> targets, Judge<RedirectChain> judge) {
        return of(spec, targets, (target, config) -> HttpProbes.redirects(URI.create(target.address())), judge);
    }

    /**
     * A requirement on the response headers of each origin's root: frontend, backend and
     * {@code headers.extra-origins}. They all judge the same request, so the version-banner and security-header
     * checks cost one round trip per origin together.
     */
    public static ObservedCheck<HttpObservation> originResponse(CheckSpec spec, ResponseJudge judge) {
        return get(spec, HttpCheck::origins, answered(judge));
    }

    /** A requirement on the page the browser loads, which an API origin serving JSON has no part in. */
    public static ObservedCheck<HttpObservation> frontendResponse(CheckSpec spec, ResponseJudge judge) {
        return get(spec, config -> origins(config).subList(0, 1), answered(judge));
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
