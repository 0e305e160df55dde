package dev.smokegate.probe;

import dev.smokegate.config.EnvironmentConfig;
import javax.net.ssl.SSLContext;

/**
 * What every probe of a run shares: the environment (timeouts, host mappings, request headers), the trust used
 * for TLS, which is the system roots plus the configured extra CA, and what the run has learnt about the addresses
 * it dials ({@link OriginTimeouts}).
 */
public record ProbeContext(EnvironmentConfig config, SSLContext trust, OriginTimeouts originTimeouts) {

    /** The context of a new run: nothing has timed out yet. */
    public ProbeContext(EnvironmentConfig config, SSLContext trust) {
        this(config, trust, new OriginTimeouts());
    }
}
