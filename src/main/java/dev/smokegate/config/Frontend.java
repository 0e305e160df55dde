package dev.smokegate.config;

import java.net.URI;

/** The public frontend origin ({@code frontend.url}): the pages users load, {@code https://app.example.com}. */
public record Frontend(URI url) {

    /** Stands in while a config with a missing frontend section is read to its end, so every problem is found. */
    static final Frontend MISSING = new Frontend(URI.create("https://frontend.invalid"));

    static Frontend read(YamlNode frontend) {
        return new Frontend(frontend.url("url", true).orElse(MISSING.url));
    }
}
