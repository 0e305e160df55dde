package dev.smokegate.reference.services;

import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A real Redis 7 on 127.0.0.1, TLS only (the plain port is off), no persistence, set up as the redis.* checks
 * expect: the app's {@code default} user needs its password and is denied FLUSHALL, FLUSHDB, CONFIG and KEYS by
 * ACL, and maxmemory-policy is noeviction. An {@code admin} user with its own password, which only this fixture
 * knows, switches the Redis faults at runtime. Stopping and starting again keeps port and passwords, like a
 * restarted production instance.
 */
public final class RedisServer implements ManagedService {

    private static final List<Path> BINARIES =
            List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server"));
    private static final String HOST = Loopback.HOST;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final ClientTimeouts READINESS_PING =
            new ClientTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
    private static final ClientTimeouts ADMIN_TIMEOUTS =
            new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final String ADMIN_USER = "admin";
    /** The app user's permissions: everything but wiping or reconfiguring Redis, and KEYS, which blocks it. */
    private static final String APP_PERMISSIONS = "~* &* +@all -flushall -flushdb -config -keys";

    private final Path binary;
    private final Path dir;
    private final RedisEndpoint endpoint;
    private final RedisPing readinessPing;
    private final JedisClientConfig admin;
    private final String adminPassword;
    private Process process;
    /** The plaintext port {@link #servePlaintext} opened, until {@link #restoreHealthyRuntime} closes it. */
    private Optional<Integer> plaintextPort = Optional.empty();

    private RedisServer(Path binary, Path dir, RedisEndpoint endpoint, X509Certificate root, String adminPassword) {
        this.binary = binary;
        this.dir = dir;
        this.endpoint = endpoint;
        this.readinessPing = new RedisPing(endpoint, root, READINESS_PING);
        this.admin = RedisPing.tlsConfig(root, ADMIN_TIMEOUTS, ADMIN_USER, adminPassword);
        this.adminPassword = adminPassword;
    }

    /** Writes TLS material and config into {@code dir} (which must not exist yet) and starts Redis. */
    public static RedisServer create(Path dir, IssuedCertificate tls, X509Certificate root) throws IOException {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IOException("redis-server not found in " + BINARIES + "; install the Debian package redis-server"));
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Pem.writeCertificates(dir.resolve("server.crt"), tls.chain());
        Pem.writePrivateKey(dir.resolve("server.key"), tls.privateKey());
        Pem.writeCertificates(dir.resolve("ca.crt"), List.of(root));

        String password = Secrets.randomPassword();
        String adminPassword = Secrets.randomPassword();
        for (int attempt = 1; ; attempt++) {
            RedisEndpoint endpoint = new RedisEndpoint(HOST, FreePorts.pick(), password);
            RedisServer server = new RedisServer(binary, dir, endpoint, root, adminPassword);
            server.writeConfig();
            try {
                server.start();
                return server;
            } catch (IOException e) {
                if (attempt == FreePorts.ATTEMPTS || !FreePorts.lostRace(e)) {
                    throw e;
                }
            }
        }
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        long logStart = LogTail.mark(log());
        process = new ProcessBuilder(binary.toString(), config().toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        try {
            awaitReady(logStart);
        } catch (IOException e) {
            FailedStart.cleanUp(this, e);
            throw e;
        }
    }

    /** SIGTERM, as an orchestrator stopping the container would send; with persistence off Redis exits at once. */
    @Override
    public synchronized void stop() throws IOException {
        if (process == null) {
            return;
        }
        try {
            ServerProcesses.terminate(process, "Redis", log());
        } finally {
            process = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized Optional<ProcessHandle> process() {
        return isRunning() ? Optional.of(process.toHandle()) : Optional.empty();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void awaitReady(long logStart) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Redis exited with code " + process.exitValue() + " during start; "
                        + LogTail.of(log(), logStart));
            }
            try {
                readinessPing.ping();
                return;
            } catch (RuntimeException notYet) {
                lastFailure = notYet;
            }
            ServerProcesses.pause(POLL_INTERVAL, "Redis");
        }
        throw new IOException("Redis did not answer an authenticated PING within " + READY_TIMEOUT.toSeconds()
                + " s (last error: " + (lastFailure == null ? "none" : lastFailure.getMessage()) + "); "
                + LogTail.of(log(), logStart), lastFailure);
    }

    private void writeConfig() throws IOException {
        String config = String.join("\n",
                "bind " + HOST,
                "port 0",
                "tls-port " + endpoint.port(),
                "tls-cert-file " + quoted(dir.resolve("server.crt")),
                "tls-key-file " + quoted(dir.resolve("server.key")),
                "tls-ca-cert-file " + quoted(dir.resolve("ca.crt")),
                "tls-auth-clients no",
                "user default on >" + endpoint.password() + " " + APP_PERMISSIONS,
                "user " + ADMIN_USER + " on >" + adminPassword + " ~* &* +@all",
                "maxmemory-policy noeviction",
                "save \"\"",
                "appendonly no",
                "dir " + quoted(dir),
                "daemonize no",
                "logfile \"\"",
                "");
        // The config holds the password, which is why it is a 0600 file and not the command line (visible in ps).
        if (Files.notExists(config())) {
            Files.createFile(config(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(config(), config, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The default user accepts any client without a password ({@code nopass}): the fault an open Redis is. */
    public void dropAppPassword() {
        asAdmin("ACL", "SETUSER", "default", "nopass");
    }

    /** The app user may FLUSHALL. */
    public void allowAppFlushAll() {
        asAdmin("ACL", "SETUSER", "default", "+flushall");
    }

    public void evictAllKeys() {
        asAdmin("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
    }

    /**
     * Opens a plaintext port besides the TLS one (as {@code port 6379} next to {@code tls-port} would) and returns
     * it; the same users and passwords apply there.
     */
    public synchronized int servePlaintext() throws IOException {
        if (plaintextPort.isEmpty()) {
            int port = FreePorts.pick();
            asAdmin("CONFIG", "SET", "port", String.valueOf(port));
            plaintextPort = Optional.of(port);
        }
        return plaintextPort.get();
    }

    /**
     * Undoes the runtime faults: the app user's password and permissions, noeviction, no plaintext port. A restart
     * needs none of it, since the config file holds the healthy state.
     */
    public synchronized void restoreHealthyRuntime() {
        asAdmin("ACL", "SETUSER", "default", "resetpass", ">" + endpoint.password(), "-flushall");
        asAdmin("CONFIG", "SET", "maxmemory-policy", "noeviction");
        asAdmin("CONFIG", "SET", "port", "0");
        plaintextPort = Optional.empty();
    }

    /** Runs one command as the admin user over TLS; an error answer throws. */
    private void asAdmin(String... command) {
        try (Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), admin)) {
            jedis.sendCommand(() -> SafeEncoder.encode(command[0]),
                    Arrays.copyOfRange(command, 1, command.length));
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Path config() {
        return dir.resolve("redis.conf");
    }

    private Path log() {
        return dir.resolve("redis.log");
    }
}
