package dev.smokegate.check.http;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpProbes;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A requirement on the response headers of each origin's root ({@code https://frontend/}, {@code https://backend/},
 * and {@code headers.extra-origins}).
 * Every such check judges the same request, so the version-banner and security-header checks cost one round trip
 * per origin together.
 */
public final class OriginResponseCheck implements Check<HttpObservation> {

    @FunctionalInterface
    public interface Judge {
        Verdict judge(HttpExchange response, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Judge judge;
    private final boolean frontendOnly;

    public OriginResponseCheck(CheckSpec spec, Judge judge) {
        this(spec, judge, false);
    }

    private OriginResponseCheck(CheckSpec spec, Judge judge, boolean frontendOnly) {
        this.spec = spec;
        this.judge = judge;
        this.frontendOnly = frontendOnly;
    }

    /** A requirement on the page the browser loads, which an API origin serving JSON has no part in. */
    public static OriginResponseCheck frontendOnly(CheckSpec spec, Judge judge) {
        return new OriginResponseCheck(spec, judge, true);
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        List<Target> targets = new java.util.ArrayList<>();
        targets.add(new Target("frontend", config.frontend().url().resolve("/").toString()));
        if (frontendOnly) {
            return targets;
        }
        targets.add(new Target("backend", config.backend().url().resolve("/").toString()));
        config.headers().extraOrigins().forEach(o -> targets.add(new Target("origin", o.resolve("/").toString())));
        return targets;
    }

    @Override
    public ProbeRequest<HttpObservation> observation(Target target, EnvironmentConfig config) {
        return HttpProbes.get(URI.create(target.address()));
    }

    @Override
    public Set<String> uses() {
        return Set.of("http");
    }

    @Override
    public Verdict judge(HttpObservation observed, Target target, EnvironmentConfig config) {
        if (observed.exchange().isEmpty()) {
            return Verdict.inconclusive("no response whose headers could be inspected: "
                    + observed.failure().orElse("no response")).withEvidence(observed.evidence());
        }
        return judge.judge(observed.exchange().get(), config).withEvidence(observed.evidence());
    }
}
