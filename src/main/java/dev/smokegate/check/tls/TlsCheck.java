package dev.smokegate.check.tls;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.tls.TlsObservation;
import java.util.List;

/**
 * One {@code tls.*} requirement: a spec and a judge. Every TLS check of a host judges the same scan. When no
 * handshake completed, only {@code tls.protocol.modern} fails (the host speaks no usable TLS); the others have
 * nothing to judge and say so.
 */
final class TlsCheck implements Check<TlsObservation> {

    /** Judges a scan in which at least one handshake completed. */
    @FunctionalInterface
    interface Judge {
        Verdict judge(TlsObservation scan, EnvironmentConfig config);
    }

    private final CheckSpec spec;
    private final Judge judge;
    private final boolean failsWithoutHandshake;
    private final TlsChecks.Scanner scanner;

    TlsCheck(CheckSpec spec, Judge judge, boolean failsWithoutHandshake, TlsChecks.Scanner scanner) {
        this.spec = spec;
        this.judge = judge;
        this.failsWithoutHandshake = failsWithoutHandshake;
        this.scanner = scanner;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return TlsTargets.of(config);
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "no https or wss URL and no tls.hosts configured";
    }

    @Override
    public ProbeRequest<TlsObservation> observation(Target target, EnvironmentConfig config) {
        return scanner.scan(TlsTargets.host(target), TlsTargets.port(target));
    }

    @Override
    public Verdict judge(TlsObservation scan, Target target, EnvironmentConfig config) {
        if (!scan.handshakeSucceeded()) {
            String why = "no TLS handshake with " + scan.dialled() + " completed: "
                    + scan.failure().orElse("the server sent no certificate");
            return failsWithoutHandshake ? Verdict.fail(why) : Verdict.inconclusive(why);
        }
        return judge.judge(scan, config).withEvidence(TlsEvidence.of(scan));
    }
}
