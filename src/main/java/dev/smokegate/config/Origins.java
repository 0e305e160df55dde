package dev.smokegate.config;

import java.net.URI;

/** Web origins (RFC 6454): scheme, host and port, compared without case and with the scheme's default port. */
public final class Origins {

    private Origins() {
    }

    /** Whether {@code a} and {@code b} are one origin; a URL without scheme or host (data:, a path) is none. */
    public static boolean same(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && b.getScheme() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && Ports.of(a) == Ports.of(b);
    }
}
