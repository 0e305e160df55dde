package dev.smokegate.probe.browser;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out TOTP codes so that no code is used twice: GitHub (like RFC 6238 section 5.2 asks of a verifier) refuses
 * a code it has already accepted, so a second login within the same 30 seconds must wait for the next step. The
 * last step used is remembered per secret for the life of the JVM (keyed by a digest, not the secret), shared by
 * every run in it: self-tests and runs of several environments with one test account.
 */
public final class OneTimeCodes {

    private static final Map<String, Long> LAST_USED = new ConcurrentHashMap<>();

    /** How a wait is spent; tests replace it to move a fake clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;

    OneTimeCodes(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static OneTimeCodes systemClock() {
        return new OneTimeCodes(Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * The code of the current step, or of the next step when the current one was used already, waiting for it. Empty
     * when that would mean waiting past {@code latest}. The step is marked used before the code is returned.
     */
    public Optional<String> next(String base32Secret, Instant latest) throws InterruptedException {
        Totp totp = Totp.ofBase32(base32Secret);
        String key = digest(base32Secret);
        while (true) {
            long now = Totp.step(clock.instant());
            Long last = LAST_USED.get(key);
            if (last == null || now > last) {
                boolean claimed = last == null ? LAST_USED.putIfAbsent(key, now) == null
                        : LAST_USED.replace(key, last, now);
                if (claimed) {
                    return Optional.of(totp.code(now));
                }
                continue; // another login claimed a step meanwhile: look again
            }
            Instant nextStep = Totp.start(last + 1);
            if (nextStep.isAfter(latest)) {
                return Optional.empty();
            }
            sleeper.sleep(Duration.between(clock.instant(), nextStep).plusMillis(50));
        }
    }

    /** Forgets every step used, for tests. */
    static void forgetAll() {
        LAST_USED.clear();
    }

    private static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Totp.base32(secret));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
