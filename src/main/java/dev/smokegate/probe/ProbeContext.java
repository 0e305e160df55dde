package dev.smokegate.probe;

import dev.smokegate.config.EnvironmentConfig;
import javax.net.ssl.SSLContext;

/**
 * What every probe of a run shares: the environment (timeouts, host mappings, request headers) and the trust
 * used for TLS, which is the system roots plus the configured extra CA.
 */
public record ProbeContext(EnvironmentConfig config, SSLContext trust) {
}
