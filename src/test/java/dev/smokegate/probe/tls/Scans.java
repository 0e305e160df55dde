package dev.smokegate.probe.tls;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.TrustSettings;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.OriginTimeouts;
import dev.smokegate.reference.pki.Pem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Runs the scanner the way a run does, with short timeouts, an extra CA file and connect-to mappings. */
final class Scans {

    static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(1));

    private Scans() {
    }

    static EnvironmentConfig config(Path extraCaFile, HostMapping... mappings) {
        EnvironmentConfig.Builder builder = EnvironmentConfig.builder("tls-test", URI.create("https://app.example.test"),
                URI.create("https://api.example.test")).timeouts(FAST).connectTo(new ConnectTo(List.of(mappings)));
        if (extraCaFile != null) {
            builder.trust(TrustSettings.withExtraCa(extraCaFile));
        }
        return builder.build();
    }

    static Path caFile(Path dir, X509Certificate... roots) throws IOException {
        Path file = Files.createTempFile(dir, "extra-ca", ".pem");
        Pem.writeCertificates(file, List.of(roots));
        return file;
    }

    /** Scans {@code 127.0.0.1:port} under the public name {@code host:443}, as a run with --connect-to does. */
    static Result scan(String host, int port, EnvironmentConfig config) throws Exception {
        return scan(host, port, config, new OriginTimeouts());
    }

    /** The same, in a run that knows {@code originTimeouts} already. */
    static Result scan(String host, int port, EnvironmentConfig config, OriginTimeouts originTimeouts)
            throws Exception {
        TlsScanner scanner = new TlsScanner(host, 443, withMapping(config, host, port), originTimeouts,
                Clock.systemUTC());
        long started = System.nanoTime();
        TlsObservation observation = scanner.scan();
        return new Result(observation, scanner.handshakes(), Duration.ofNanos(System.nanoTime() - started));
    }

    static EnvironmentConfig withMapping(EnvironmentConfig config, String host, int port) {
        return config.newBuilder()
                .connectTo(config.connectTo().after(List.of(new HostMapping(host, 443, "127.0.0.1", port)))).build();
    }

    record Result(TlsObservation observation, int handshakes, Duration elapsed) {
    }
}
