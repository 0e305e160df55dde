package dev.smokegate.reference.github;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238: HOTP (RFC 4226) over the number of whole time steps since the Unix
 * epoch. The stand-in verifies with it; smokegate's browser flow has its own, so the two check each other.
 */
public final class Totp {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    /** What GitHub's authenticator-app two-factor uses: HMAC-SHA-1, 30 s steps, 6 digits. */
    public static final Totp GITHUB = new Totp("HmacSHA1", 6, Duration.ofSeconds(30));

    private final String hmac;
    private final int digits;
    private final Duration step;

    /** @param hmac a JCA MAC name: {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512} */
    public Totp(String hmac, int digits, Duration step) {
        if (digits < 1 || digits >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("digits must be 1 to 8: " + digits);
        }
        this.hmac = hmac;
        this.digits = digits;
        this.step = step;
    }

    /** The time step T of RFC 6238 §4.2: whole steps since the epoch (T0 = 0). */
    public long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), step.toSeconds());
    }

    /** The password at {@code time}, zero-padded to the configured digits. */
    public String at(byte[] key, Instant time) {
        return forStep(key, stepAt(time));
    }

    /** The password for a secret in base32, as an authenticator app is given it. */
    public String at(String base32Secret, Instant time) {
        return at(Base32.decode(base32Secret), time);
    }

    /** HOTP(K, T) of RFC 4226 §5.3: dynamic truncation of the HMAC of the step as an 8-byte big-endian counter. */
    public String forStep(byte[] key, long counter) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }
}
