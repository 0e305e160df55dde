package dev.smokegate.config;

import java.net.URI;

/**
 * The public frontend origin and the page that shows it is up.
 *
 * @param url  {@code https://app.example.com}: the pages users load
 * @param path the page {@code http.frontend.ok} loads, {@code /} unless configured (a page that renders without a
 *             session, such as {@code /login}, when the root needs one)
 */
public record Frontend(URI url, String path) {

    static final String DEFAULT_PATH = "/";

    /** Stands in while a config with a missing frontend section is read to its end, so every problem is found. */
    static final Frontend MISSING = at(URI.create("https://frontend.invalid"));

    /** The frontend at {@code url}, checked at its root. */
    public static Frontend at(URI url) {
        return new Frontend(url, DEFAULT_PATH);
    }

    static Frontend read(YamlNode frontend) {
        return new Frontend(frontend.url("url", true).orElse(MISSING.url), frontend.path("path").orElse(DEFAULT_PATH));
    }
}
