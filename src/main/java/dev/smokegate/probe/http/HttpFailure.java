package dev.smokegate.probe.http;

/**
 * Why no response came, as a fact a check can branch on: a host that does not resolve or refuses connections does
 * not exist for the purpose of "www serves HTTPS if it exists", while a failed TLS handshake is a finding.
 */
public enum HttpFailure {
    UNRESOLVED,
    REFUSED,
    TIMED_OUT,
    TLS,
    OTHER;

    /** Whether anything listened at the address at all. */
    public boolean reachedServer() {
        return this != UNRESOLVED && this != REFUSED;
    }
}
