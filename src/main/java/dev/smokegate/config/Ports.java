package dev.smokegate.config;

import java.net.URI;

/** The port a URL reaches: the one it names, or its scheme's default. */
public final class Ports {

    private Ports() {
    }

    /** The URL's port, or the default of its scheme. */
    public static int of(URI url) {
        return url.getPort() != -1 ? url.getPort() : defaultFor(url.getScheme());
    }

    /** 443 for {@code https} and {@code wss}, 80 for any other scheme. */
    public static int defaultFor(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
