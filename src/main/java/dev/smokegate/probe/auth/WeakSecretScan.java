package dev.smokegate.probe.auth;

import java.util.OptionalInt;

/**
 * Whether the token's HMAC verifies with a key from the shipped list of weak and default secrets.
 *
 * @param algorithm the token's {@code alg}
 * @param hmac      whether that is an HMAC algorithm at all (RS/ES tokens are not scanned)
 * @param tried     how many list entries were tried
 * @param hitLine   the line of the list whose entry verifies the token; the key itself is never kept
 * @param configuredSecretLine the line of the list that holds {@code auth.jwt.secret} itself, if configured and listed
 */
public record WeakSecretScan(String algorithm, boolean hmac, int tried, OptionalInt hitLine,
                             OptionalInt configuredSecretLine) {

    /** The same scan, knowing where the configured secret stands on the list. */
    public WeakSecretScan withConfiguredSecretLine(OptionalInt line) {
        return new WeakSecretScan(algorithm, hmac, tried, hitLine, line);
    }
}
