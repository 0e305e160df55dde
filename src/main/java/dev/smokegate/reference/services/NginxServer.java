package dev.smokegate.reference.services;

import dev.smokegate.reference.pki.Pem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real nginx (Debian's, on the system OpenSSL 3) serving one HTTPS host on a loopback port, for TLS
 * configurations the JDK will not serve: TLS 1.0/1.1, NULL suites, 1024-bit DHE, a chain sent incomplete or out of
 * order with a stapled OCSP response from a file, or no staple at all; and nginx's own defaults as they are. Every
 * request gets a short text answer.
 *
 * <p>One process ({@code master_process off}), event driven, so concurrent clients do not queue behind each other,
 * and a client that connects and stays silent is dropped after {@link #CLIENT_TIMEOUT} (that bounds the TLS
 * handshake too). Everything lives in a private directory; {@link #close()} stops the process.
 */
public final class NginxServer implements ManagedService {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/bin/nginx"));
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Pattern NGINX_SAFE = Pattern.compile("[A-Za-z0-9.:_@!+=-]+");

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    /**
     * How the one host is served.
     *
     * @param serverName   the public name (nginx answers any SNI name, like a default server)
     * @param chain        sent exactly in this order, leaf first
     * @param protocols    nginx {@code ssl_protocols} names, e.g. {@code TLSv1.2}
     * @param ciphers      an OpenSSL cipher string for TLS 1.2 and older; TLS 1.3 keeps OpenSSL's defaults
     * @param serverOrder  {@code ssl_prefer_server_ciphers on}: the server picks by the order of {@code ciphers};
     *                     off (nginx's default) it takes the first of the client's suites it has
     * @param dhParameters a PEM {@code DH PARAMETERS} file for DHE suites
     * @param ocspStaple   a DER OCSP response stapled to every handshake whose client asks; empty: no stapling
     */
    public record TlsSite(String serverName, List<X509Certificate> chain, PrivateKey key, List<String> protocols,
                          String ciphers, boolean serverOrder, Optional<Path> dhParameters,
                          Optional<byte[]> ocspStaple) {

        public TlsSite {
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(key, "key");
            chain = List.copyOf(chain);
            protocols = List.copyOf(protocols);
            ocspStaple = ocspStaple.map(byte[]::clone);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a TLS site needs at least its leaf certificate");
            }
            for (String value : concat(List.of(serverName, ciphers), protocols)) {
                if (!NGINX_SAFE.matcher(value).matches()) {
                    throw new IllegalArgumentException("not safe in nginx.conf: " + value);
                }
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
        }
    }

    private NginxServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Writes certificate, key, staple and config into {@code dir} (which must not exist yet), starts nginx and returns
     * once it accepts connections.
     *
     * @throws IOException with the end of nginx's error log if it exits or does not listen in time
     */
    public static NginxServer start(Path dir, TlsSite site) throws IOException {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new IOException(
                "nginx not found in " + BINARIES + "; install the Debian package nginx (scripts/setup does)"));
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectory(dir.resolve("tmp"));
        Pem.writeCertificates(dir.resolve("chain.pem"), site.chain());
        Pem.writePrivateKey(dir.resolve("key.pem"), site.key());
        if (site.ocspStaple().isPresent()) {
            Files.write(dir.resolve("ocsp.der"), site.ocspStaple().get());
        }
        for (int attempt = 1; ; attempt++) {
            NginxServer server = new NginxServer(binary, dir, FreePorts.pick());
            Files.writeString(server.config(), server.configText(site), StandardCharsets.UTF_8);
            try {
                server.start();
                return server;
            } catch (IOException e) {
                FailedStart.cleanUp(server, e);
                if (attempt == FreePorts.ATTEMPTS || !FreePorts.lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The nginx process while it runs; it is the only one (no master/worker split). */
    @Override
    public synchronized Optional<ProcessHandle> process() {
        return isRunning() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    /** Starts a stopped server again, on the same port with the same configuration. */
    @Override
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        launch();
    }

    /** SIGTERM (nginx's fast shutdown), SIGKILL if it is still there after the grace period; idempotent. */
    @Override
    public synchronized void stop() throws IOException {
        if (process == null) {
            return;
        }
        try {
            ServerProcesses.terminate(process, "nginx", errorLog());
        } finally {
            process = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void launch() throws IOException {
        long logStart = LogTail.mark(errorLog());
        // -e: nginx opens its error log before reading the config; the default one is not ours to write.
        process = new ProcessBuilder(binary.toString(), "-p", dir + "/", "-c", config().toString(),
                "-e", errorLog().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with code " + process.exitValue() + " during start; "
                        + LogTail.of(errorLog(), logStart));
            }
            if (accepts()) {
                return;
            }
            ServerProcesses.pause(POLL_INTERVAL, "nginx");
        }
        throw new IOException("nginx did not listen on " + Loopback.HOST + ":" + port + " within "
                + READY_TIMEOUT.toSeconds() + " s; " + LogTail.of(errorLog(), logStart));
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), (int) POLL_INTERVAL.toMillis() * 5);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String configText(TlsSite site) {
        long timeout = CLIENT_TIMEOUT.toSeconds();
        Path tmp = dir.resolve("tmp");
        List<String> lines = new ArrayList<>(List.of(
                "daemon off;",
                "master_process off;",
                "worker_processes 1;",
                "pid " + quoted(dir.resolve("nginx.pid")) + ";",
                "error_log " + quoted(errorLog()) + " notice;",
                "events {",
                "    worker_connections 256;",
                "}",
                "http {",
                "    access_log off;",
                "    server_tokens off;",
                "    default_type text/plain;",
                "    client_body_temp_path " + quoted(tmp.resolve("body")) + ";",
                "    proxy_temp_path " + quoted(tmp.resolve("proxy")) + ";",
                "    fastcgi_temp_path " + quoted(tmp.resolve("fastcgi")) + ";",
                "    uwsgi_temp_path " + quoted(tmp.resolve("uwsgi")) + ";",
                "    scgi_temp_path " + quoted(tmp.resolve("scgi")) + ";",
                // client_header_timeout also bounds the TLS handshake of a new connection.
                "    client_header_timeout " + timeout + "s;",
                "    client_body_timeout " + timeout + "s;",
                "    send_timeout " + timeout + "s;",
                "    keepalive_timeout " + timeout + "s;",
                "    server {",
                "        listen " + Loopback.HOST + ":" + port + " ssl default_server;",
                "        server_name " + site.serverName() + ";",
                "        ssl_certificate " + quoted(dir.resolve("chain.pem")) + ";",
                "        ssl_certificate_key " + quoted(dir.resolve("key.pem")) + ";",
                "        ssl_protocols " + String.join(" ", site.protocols()) + ";",
                "        ssl_ciphers '" + site.ciphers() + "';",
                "        ssl_prefer_server_ciphers " + (site.serverOrder() ? "on" : "off") + ";"));
        site.dhParameters().ifPresent(file -> lines.add("        ssl_dhparam " + quoted(file) + ";"));
        if (site.ocspStaple().isPresent()) {
            lines.add("        ssl_stapling on;");
            lines.add("        ssl_stapling_file " + quoted(dir.resolve("ocsp.der")) + ";");
        }
        lines.addAll(List.of(
                "        location / {",
                "            return 200 \"smokegate TLS fault host " + site.serverName() + "\\n\";",
                "        }",
                "    }",
                "}",
                ""));
        return String.join("\n", lines);
    }

    private static String quoted(Path path) {
        String text = path.toString();
        if (text.contains("\"") || text.contains("\\") || text.contains("$")) {
            throw new IllegalArgumentException("path not usable in nginx.conf: " + text);
        }
        return "\"" + text + "\"";
    }


    private Path config() {
        return dir.resolve("nginx.conf");
    }

    private Path errorLog() {
        return dir.resolve("error.log");
    }
}
