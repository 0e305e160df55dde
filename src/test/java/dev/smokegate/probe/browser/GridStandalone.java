package dev.smokegate.probe.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real Selenium Grid standalone (hub and node in one) on loopback, as a child JVM on the test classpath, which
 * holds selenium-grid in the client's version. The node finds chromedriver on the PATH (Selenium Manager is off)
 * and its browsers get {@code home} as {@code $HOME}, so an NSS database there decides what they trust.
 */
public final class GridStandalone implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final URI url;
    private final Path log;

    private GridStandalone(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** A Grid whose browsers trust {@code caFile} (when given) through an NSS database in their {@code $HOME}. */
    public static GridStandalone start(Path dir, Optional<Path> caFile) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("grid-home"));
        if (caFile.isPresent()) {
            NssTrust.install(home, caFile.get(), Path.of("certutil"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("grid.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.openqa.selenium.grid.Main", "standalone", "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--selenium-manager", "false", "--max-sessions", "2"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        GridStandalone grid = new GridStandalone(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            grid.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            grid.close();
            throw e;
        }
        return grid;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(START);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IOException("the Grid exited (" + process.exitValue() + "): " + Files.readString(log));
            }
            try {
                String status = client.send(HttpRequest.newBuilder(url.resolve("/status"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (status.replace(" ", "").contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IOException("the Grid was not ready within " + START.toSeconds() + " s: " + Files.readString(log));
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
