package dev.smokegate.engine;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.Probe;
import dev.smokegate.probe.ProbeRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A check with a scripted probe and verdict, for testing the engine without a network. */
final class FakeCheck implements Check<String> {

    final AtomicInteger probeCalls = new AtomicInteger();
    final AtomicInteger requestsBuilt = new AtomicInteger();
    private final CheckSpec spec;
    private final List<Target> targets;
    private final String probeKey;
    private final Probe<String> probe;
    private final Verdict verdict;

    FakeCheck(String id, List<Target> targets, String probeKey, Probe<String> probe, Verdict verdict) {
        this.spec = CheckSpec.gate(id, Severity.HIGH, "requirement of " + id, "remediation of " + id);
        this.targets = targets;
        this.probeKey = probeKey;
        this.probe = probe;
        this.verdict = verdict;
    }

    static FakeCheck judging(String id, Verdict verdict) {
        return new FakeCheck(id, List.of(new Target("backend", "https://api.example.com/")), "fake " + id,
                context -> "observed", verdict);
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return targets;
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "nothing configured for " + spec.id();
    }

    @Override
    public ProbeRequest<String> observation(Target target, EnvironmentConfig config) {
        requestsBuilt.incrementAndGet();
        return new ProbeRequest<>(probeKey, context -> {
            probeCalls.incrementAndGet();
            return probe.observe(context);
        });
    }

    @Override
    public Verdict judge(String observation, Target target, EnvironmentConfig config) {
        return verdict;
    }
}
