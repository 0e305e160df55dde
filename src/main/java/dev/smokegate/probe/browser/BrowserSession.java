package dev.smokegate.probe.browser;

import dev.smokegate.config.BrowserSettings;
import dev.smokegate.config.EnvironmentConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * One browser for one flow: a local headless Chromium through chromedriver, both named by path (Selenium Manager,
 * which would try to download a driver, never runs), or a Chromium on a Selenium Grid. A local browser gets a
 * fresh profile and a fresh {@code $HOME} whose NSS database trusts {@code trust.extra-ca-file}, and resolves the
 * {@code connect-to} mappings itself. Closing quits the browser, stops the driver and deletes every temporary
 * directory, also when the flow failed, and once the JVM is shutting down (a stopped run) at the latest.
 */
public final class BrowserSession implements AutoCloseable {

    /** Flags for a headless Chromium in a container, as root, without background traffic of its own. */
    static final List<String> HEADLESS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--window-size=1280,1024", "--lang=en-US");
    /** Commands such as starting the browser may take longer than one page; still bounded. */
    private static final Duration COMMAND_FLOOR = Duration.ofSeconds(30);
    private static final String CERTUTIL = "certutil";
    /**
     * Selenium logs through java.util.logging to the console, e.g. that it has no DevTools bindings for this
     * Chromium version, which the flow does not use; only its errors may reach smokegate's console. Held here so
     * the logger, and with it the level, is not collected.
     */
    private static final Logger SELENIUM_LOG = quiet(Logger.getLogger("org.openqa.selenium"));

    private final WebDriver driver;
    private final Optional<ChromeDriverService> service;
    private final List<Path> temporary;
    private final Optional<String> profile;
    private final String where;
    private final Duration stepTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onShutdown;

    private BrowserSession(WebDriver driver, Optional<ChromeDriverService> service, List<Path> temporary,
                           Optional<String> profile, String where, Duration stepTimeout) {
        this.driver = driver;
        this.service = service;
        this.temporary = List.copyOf(temporary);
        this.profile = profile;
        this.where = where;
        this.stepTimeout = stepTimeout;
        this.onShutdown = new Thread(this::release, "smokegate-browser-cleanup");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * Starts the browser the environment names: the Grid of {@code browser.grid-url} if set, else the local
     * Chromium. Throws when no browser could be started; nothing is left behind then either.
     */
    public static BrowserSession open(EnvironmentConfig config, Instant deadline) throws IOException {
        BrowserSettings browser = config.browser();
        Duration commands = commandTimeout(browser.stepTimeout(), deadline);
        ChromeOptions options = options(config);
        if (browser.gridUrl().isPresent()) {
            return onGrid(browser.gridUrl().get(), options, commands, browser.stepTimeout());
        }
        return local(config, options, commands);
    }

    private static BrowserSession local(EnvironmentConfig config, ChromeOptions options, Duration commands)
            throws IOException {
        BrowserSettings browser = config.browser();
        requireExecutable(browser.chromium(), "browser.chromium");
        requireExecutable(browser.chromedriver(), "browser.chromedriver");
        List<Path> temporary = new ArrayList<>();
        ChromeDriverService service = null;
        try {
            Path home = Files.createTempDirectory("smokegate-browser-home-");
            temporary.add(home);
            Path profile = Files.createTempDirectory("smokegate-browser-profile-");
            temporary.add(profile);
            if (config.trust().extraCaFile().isPresent()) {
                NssTrust.install(home, config.trust().extraCaFile().get(), Path.of(CERTUTIL));
            }
            options.setBinary(browser.chromium().toFile());
            options.addArguments("--user-data-dir=" + profile);
            service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(browser.chromedriver().toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("HOME", home.toString()))
                    .withTimeout(commands)
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options,
                    ClientConfig.defaultConfig().readTimeout(commands));
            return configured(new BrowserSession(driver, Optional.of(service), temporary,
                    Optional.of(profile.toString()), "the local Chromium (" + browser.chromium() + ")",
                    browser.stepTimeout()));
        } catch (IOException | RuntimeException e) {
            if (service != null) {
                service.stop();
            }
            temporary.forEach(BrowserSession::deleteQuietly);
            if (e instanceof WebDriverException w) {
                throw new IOException("could not start the local Chromium (" + browser.chromium() + " with "
                        + browser.chromedriver() + "): " + firstLine(w), w);
            }
            throw e;
        }
    }

    private static BrowserSession onGrid(URI grid, ChromeOptions options, Duration commands, Duration step)
            throws IOException {
        try {
            WebDriver driver = RemoteWebDriver.builder().oneOf(options)
                    .config(ClientConfig.defaultConfig().baseUri(grid).readTimeout(commands)).build();
            return configured(new BrowserSession(driver, Optional.empty(), List.of(), Optional.empty(),
                    "the Selenium Grid at " + grid, step));
        } catch (WebDriverException e) {
            throw new IOException("the Selenium Grid at " + grid + " gave no Chromium session: " + firstLine(e), e);
        }
    }

    private static BrowserSession configured(BrowserSession session) {
        try {
            session.driver.manage().timeouts().pageLoadTimeout(session.stepTimeout);
            session.driver.manage().timeouts().scriptTimeout(session.stepTimeout);
            session.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    static ChromeOptions options(EnvironmentConfig config) {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(HEADLESS);
        String rules = HostResolverRules.of(config.connectTo());
        if (!rules.isEmpty()) {
            options.addArguments("--host-resolver-rules=" + rules);
        }
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.setAcceptInsecureCerts(false);
        // The performance log carries the network events (requests, their Referer, redirects, statuses); both logs
        // are read through the WebDriver log endpoint, which a Grid node passes through to chromedriver too.
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        return options;
    }

    /** Long enough for a browser to start, never past the run's deadline. */
    private static Duration commandTimeout(Duration step, Instant deadline) {
        Duration wanted = step.compareTo(COMMAND_FLOOR) > 0 ? step : COMMAND_FLOOR;
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("the run deadline has passed: no browser is started");
        }
        return wanted.compareTo(left) < 0 ? wanted : left;
    }

    private static void requireExecutable(Path path, String key) throws IOException {
        if (!Files.isExecutable(path)) {
            throw new IOException(key + " " + path + " is not an executable file (install Debian's chromium and "
                    + "chromium-driver, or set " + key + ")");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** How long one page may take. */
    public Duration stepTimeout() {
        return stepTimeout;
    }

    /** Where the browser runs, for messages: the local Chromium or the Grid's URL. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; release() is idempotent
        }
    }

    /** Quits the browser, stops the driver, ends any browser process of this profile left over, deletes the rest. */
    private void release() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // a browser that cannot be quit is ended below
        }
        service.ifPresent(ChromeDriverService::stop);
        profile.ifPresent(BrowserSession::endLeftovers);
        temporary.forEach(BrowserSession::deleteQuietly);
    }

    /** Chromium processes still running on this session's own profile directory, which no other program uses. */
    private static void endLeftovers(String profileDir) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--user-data-dir=" + profileDir)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory that a dying browser still writes to is left to the OS's temp cleaning
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
