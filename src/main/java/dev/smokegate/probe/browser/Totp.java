package dev.smokegate.probe.browser;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as GitHub's two-factor login takes them: RFC 6238 with HMAC-SHA-1 over 30-second
 * steps counted from the Unix epoch (T0 = 0), truncated as RFC 4226 section 5.3 says, the secret given in Base32
 * (RFC 4648) as authenticator apps receive it.
 */
public final class Totp {

    /** RFC 6238's default time step X, which GitHub uses. */
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;

    private final byte[] key;
    private final int digits;

    private Totp(byte[] key, int digits) {
        this.key = key.clone();
        this.digits = digits;
    }

    /** A six-digit generator for a Base32 secret; spaces, hyphens, padding and lowercase are accepted. */
    public static Totp ofBase32(String secret) {
        return new Totp(base32(secret), DIGITS);
    }

    /** The same secret with another code length (RFC 6238's test vectors have eight digits). */
    Totp withDigits(int count) {
        if (count < 6 || count > 9) {
            throw new IllegalArgumentException("a TOTP code has 6 to 9 digits, not " + count);
        }
        return new Totp(key, count);
    }

    /** The time step that {@code instant} falls in. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** When {@code step} begins. */
    public static Instant start(long step) {
        return Instant.ofEpochSecond(step * STEP.toSeconds());
    }

    /** The code for time step {@code step}, zero-padded to the code length. */
    public String code(long step) {
        byte[] hash = hmacSha1(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    }

    private byte[] hmacSha1(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }

    /** RFC 4648 section 6; the message never repeats the secret, which is a credential. */
    static byte[] base32(String text) {
        String clean = text.replaceAll("[\\s-]", "").replaceAll("=+$", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the TOTP secret is empty");
        }
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("the TOTP secret is not Base32 (character " + (i + 1)
                        + " is outside A-Z and 2-7)");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
