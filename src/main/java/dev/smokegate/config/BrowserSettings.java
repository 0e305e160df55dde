package dev.smokegate.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code browser} section: which Chromium drives the browser checks, or which Selenium Grid runs it.
 *
 * @param chromium     the browser binary, named explicitly so Selenium never tries to download one
 * @param chromedriver the driver binary matching it
 * @param gridUrl      a Selenium Grid to run the browser on instead ({@code --grid} overrides it)
 * @param stepTimeout  how long one page of a browser flow may take before the flow gives up on it
 */
public record BrowserSettings(Path chromium, Path chromedriver, Optional<URI> gridUrl, Duration stepTimeout) {

    public static final BrowserSettings DEFAULTS = new BrowserSettings(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromedriver"), Optional.empty(), Duration.ofSeconds(15));

    static BrowserSettings read(YamlNode browser) {
        return new BrowserSettings(
                browser.string("chromium").map(String::trim).map(Path::of).orElse(DEFAULTS.chromium),
                browser.string("chromedriver").map(String::trim).map(Path::of).orElse(DEFAULTS.chromedriver),
                browser.url("grid-url", false),
                browser.duration("step-timeout").orElse(DEFAULTS.stepTimeout));
    }

    /** A Grid URL as {@code --grid} gives it: http or https with a host. */
    public static Optional<URI> parseGridUrl(String text) {
        return YamlNode.parseUrl(text, Set.of("http", "https"));
    }

    /** These settings with the browser on the Grid at {@code url}. */
    public BrowserSettings onGrid(URI url) {
        return new BrowserSettings(chromium, chromedriver, Optional.of(url), stepTimeout);
    }
}
