package dev.smokegate.reference.services;

import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Postgres 15 cluster in a private directory: TLS-only TCP on 127.0.0.1 with SCRAM passwords, an unprivileged
 * {@code app} user owning database {@code app}, and an unprivileged {@code restore} user owning an empty scratch
 * database {@code app_restore} for restore drills. WAL archiving is on, into {@code archive/} beside the data, as a
 * managed Postgres with point-in-time recovery has it. The superuser can only log in through a Unix socket in that
 * directory, so nothing on the network can use it.
 */
public final class PostgresServer implements ManagedService {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String HOST = Loopback.HOST;
    private static final String APP = "app";
    private static final String RESTORE = "restore";
    private static final String SCRATCH = "app_restore";
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_WAIT = Duration.ofSeconds(15);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** Beyond pg_ctl's own wait, so pg_ctl reports its timeout itself rather than being killed. */
    private static final Duration PG_CTL_GRACE = Duration.ofSeconds(5);
    private static final Duration SQL_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceAccount account;
    private final Path dir;
    private final PostgresEndpoint endpoint;
    private final PostgresEndpoint scratchEndpoint;
    private volatile boolean running;

    private PostgresServer(ServiceAccount account, Path dir, PostgresEndpoint endpoint,
                           PostgresEndpoint scratchEndpoint) {
        this.account = account;
        this.dir = dir;
        this.endpoint = endpoint;
        this.scratchEndpoint = scratchEndpoint;
    }

    /** Initialises a cluster in {@code dir} (which must not exist yet), starts it and creates the app user. */
    public static PostgresServer create(Path dir, IssuedCertificate tls) throws IOException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IOException("Postgres 15 not found in " + BIN + "; install the Debian package postgresql-15");
        }
        ServiceAccount account = ServiceAccount.forPostgres();
        createPrivateDirectory(dir, account);
        createPrivateDirectory(dir.resolve("socket"), account);
        createPrivateDirectory(dir.resolve("tls"), account);
        createPrivateDirectory(dir.resolve("archive"), account);
        Pem.writeCertificates(dir.resolve("tls/server.crt"), tls.chain());
        Pem.writePrivateKey(dir.resolve("tls/server.key"), tls.privateKey());
        account.own(dir.resolve("tls/server.crt"));
        account.own(dir.resolve("tls/server.key"));

        String password = Secrets.randomPassword();
        String restorePassword = Secrets.randomPassword();
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.pick();
            PostgresServer server = new PostgresServer(account, dir,
                    new PostgresEndpoint(HOST, port, APP, APP, password),
                    new PostgresEndpoint(HOST, port, SCRATCH, RESTORE, restorePassword));
            if (attempt == 1) {
                server.initdb();
            }
            server.writePort();
            try {
                server.start();
                server.createUsersAndDatabases();
                return server;
            } catch (IOException e) {
                FailedStart.cleanUp(server, e);
                if (attempt == FreePorts.ATTEMPTS || !FreePorts.lostRace(e)) {
                    throw e;
                }
            } catch (RuntimeException e) {
                FailedStart.cleanUp(server, e);
                throw e;
            }
        }
    }

    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    /** The empty scratch database a restore drill may fill, and its owner; same server, another database. */
    public PostgresEndpoint scratchEndpoint() {
        return scratchEndpoint;
    }

    /**
     * Runs {@code sql} in {@code database} as the superuser, through the private socket: how the fixture seeds data
     * and switches faults that only a superuser can (roles, settings, WAL switches). Stops at the first error.
     */
    public void runAsSuperuser(String what, String database, String sql) throws IOException {
        Commands.run(what, command(List.of(bin("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", socketDir().toString(), "-p", String.valueOf(endpoint.port()), "-d", database)),
                commandLog(), SQL_TIMEOUT, sql);
    }

    /**
     * Rewrites pg_hba.conf, with a {@code host ... scram-sha-256} line for 127.0.0.1 ahead of {@code hostssl} when
     * {@code plaintext}, so a client may log in without TLS, and reloads it. The postmaster handles the reload signal
     * before it accepts another connection, so the next connection sees the new rules.
     */
    public void acceptPlaintextLogins(boolean plaintext) throws IOException {
        writeHba(plaintext);
        runAsSuperuser("reload pg_hba.conf", "postgres", "SELECT pg_reload_conf();");
    }

    /** Where the archive command copies each finished WAL segment. */
    public Path archiveDir() {
        return dir.resolve("archive");
    }

    @Override
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        pgCtl("start Postgres", START_WAIT, "-l", serverLog().toString(), "start");
        running = true;
    }

    /** A fast shutdown: clients are disconnected, the cluster shuts down cleanly. */
    @Override
    public synchronized void stop() throws IOException {
        if (!running) {
            return;
        }
        pgCtl("stop Postgres", STOP_WAIT, "-m", "fast", "stop");
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Optional<ProcessHandle> process() {
        try {
            List<String> pidFile = Files.readAllLines(dataDir().resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return pidFile.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * An immediate shutdown skips the checkpoint, because the data is deleted next. Goes by the pid file rather than
     * {@link #running}, so a half-finished start is cleaned up too; if pg_ctl fails the postmaster is killed.
     */
    @Override
    public synchronized void close() throws IOException {
        Optional<ProcessHandle> postmaster = process();
        if (postmaster.isEmpty()) {
            running = false;
            return;
        }
        try {
            pgCtl("stop Postgres", STOP_WAIT, "-m", "immediate", "stop");
        } catch (IOException e) {
            postmaster.get().descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.get().destroyForcibly();
            throw e;
        } finally {
            running = false;
        }
    }

    private void initdb() throws IOException {
        // -N skips fsync: a throw-away fixture need not survive power loss, and it saves about a second.
        Commands.run("initdb", command(List.of(bin("initdb"), "-D", dataDir().toString(), "-N",
                "-E", "UTF8", "--locale=C", "--auth-local=peer", "--auth-host=reject")), commandLog(), INITDB_TIMEOUT);
        Files.writeString(dataDir().resolve("postgresql.conf"), settings(), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        writeHba(false);
    }

    private void writeHba(boolean plaintext) throws IOException {
        List<String> rules = new ArrayList<>(List.of(
                "# TYPE  DATABASE USER ADDRESS       METHOD",
                // Only the superuser's own OS account gets in through the private socket, for setup.
                "local   all      all                peer"));
        if (plaintext) {
            rules.add("host    all      all  127.0.0.1/32  scram-sha-256");
        }
        rules.addAll(List.of(
                "hostssl all      all  127.0.0.1/32  scram-sha-256",
                "host    all      all  0.0.0.0/0     reject",
                "host    all      all  ::/0          reject",
                ""));
        Files.writeString(dataDir().resolve("pg_hba.conf"), String.join("\n", rules), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private String settings() {
        return String.join("\n",
                "",
                "# smokegate reference deployment",
                "listen_addresses = '" + HOST + "'",
                "unix_socket_directories = " + quoted(socketDir()),
                "unix_socket_permissions = 0700",
                "ssl = on",
                "ssl_cert_file = " + quoted(dir.resolve("tls/server.crt")),
                "ssl_key_file = " + quoted(dir.resolve("tls/server.key")),
                "ssl_min_protocol_version = 'TLSv1.2'",
                "password_encryption = 'scram-sha-256'",
                "max_connections = 30",
                // A test fixture: durability off and a small cache make initdb and start fast.
                "shared_buffers = '16MB'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                // Archiving, as point-in-time recovery needs it; the copy refuses to overwrite, as the docs advise.
                "archive_mode = on",
                "archive_command = " + quoted("test ! -f " + archiveDir() + "/%f && cp %p " + archiveDir() + "/%f"),
                "");
    }

    /** Appends the port: of several {@code port} lines the last one counts, so a retry's port overrides. */
    private void writePort() throws IOException {
        Files.writeString(dataDir().resolve("postgresql.conf"), "port = " + endpoint.port() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void createUsersAndDatabases() throws IOException {
        // Through stdin, so the passwords show up neither in the process list nor in the command log.
        runAsSuperuser("create the app and restore users and their databases", "postgres",
                "CREATE ROLE " + APP + " LOGIN PASSWORD '" + endpoint.password() + "';\n"
                        + "CREATE DATABASE " + APP + " OWNER " + APP + ";\n"
                        + "CREATE ROLE " + RESTORE + " LOGIN PASSWORD '" + scratchEndpoint.password() + "';\n"
                        + "CREATE DATABASE " + SCRATCH + " OWNER " + RESTORE + ";\n");
    }

    private void pgCtl(String what, Duration wait, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl"), "-D", dataDir().toString(), "-w",
                "-t", String.valueOf(wait.toSeconds())));
        command.addAll(List.of(arguments));
        long serverLogStart = LogTail.mark(serverLog());
        try {
            Commands.run(what, command(command), commandLog(), wait.plus(PG_CTL_GRACE));
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "\nserver " + LogTail.of(serverLog(), serverLogStart), e);
        }
    }

    /** Without the caller's PG* variables (PGUSER, PGHOST, ...), which would override our explicit settings. */
    private ProcessBuilder command(List<String> command) {
        ProcessBuilder builder = account.command(dir, command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        return builder;
    }

    private static void createPrivateDirectory(Path directory, ServiceAccount account) throws IOException {
        Files.createDirectory(directory,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        account.own(directory);
    }

    private static String quoted(Path path) {
        return quoted(path.toString());
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String bin(String tool) {
        return BIN.resolve(tool).toString();
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path socketDir() {
        return dir.resolve("socket");
    }

    private Path serverLog() {
        return dir.resolve("postgres.log");
    }

    private Path commandLog() {
        return dir.resolve("commands.log");
    }
}
