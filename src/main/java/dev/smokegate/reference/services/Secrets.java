package dev.smokegate.reference.services;

import java.security.SecureRandom;
import java.util.Base64;

/** Random per-start passwords, URL-safe so they need no quoting in SQL, redis.conf or URLs. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
