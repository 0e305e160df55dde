package dev.smokegate.probe;

import dev.smokegate.config.EnvironmentConfig;
import java.time.Instant;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What every probe of a run shares: the environment (timeouts, host mappings, request headers), the trust used
 * for TLS, which is the system roots plus the configured extra CA, what the run has learnt about the addresses
 * it dials ({@link OriginTimeouts}), and when the run ends: a probe that waits on its own (a browser flow, a
 * one-time-code window) stops waiting there and cleans up, rather than being abandoned mid-flight.
 *
 * @param progress where a probe that takes minutes (the restore drill) says which step it finished, one line each,
 *                 so a person watching the console knows it is alive; probes never print themselves
 * @param shared   the run's observations by probe key, for probes built from other probes ({@link #observe})
 */
public record ProbeContext(EnvironmentConfig config, SSLContext trust, OriginTimeouts originTimeouts,
                           Instant runDeadline, Consumer<String> progress, SharedObservations shared) {

    public ProbeContext(EnvironmentConfig config, SSLContext trust, OriginTimeouts originTimeouts,
                        Instant runDeadline) {
        this(config, trust, originTimeouts, runDeadline, line -> { }, new SharedObservations());
    }

    /** The context of a new run starting now: nothing has timed out yet. */
    public ProbeContext(EnvironmentConfig config, SSLContext trust) {
        this(config, trust, new OriginTimeouts(), Instant.now().plus(config.timeouts().runDeadline()));
    }

    /** The same context, with progress lines going to {@code sink}. */
    public ProbeContext withProgress(Consumer<String> sink) {
        return new ProbeContext(config, trust, originTimeouts, runDeadline, sink, shared);
    }

    /**
     * The observation of {@code request}, made once per run whoever asks first: the engine observes every check's
     * probe through here, so a composite probe gets the same observation the other checks judge.
     */
    public <O> O observe(ProbeRequest<O> request) throws Exception {
        return shared.observe(request, this);
    }
}
