package dev.smokegate.reference;

import dev.smokegate.reference.github.GitHubAccount;
import dev.smokegate.reference.oauth.OAuthAppProcess;
import dev.smokegate.reference.pki.Pem;
import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.revocation.RevocationServer;
import dev.smokegate.reference.services.ClientTimeouts;
import dev.smokegate.reference.services.FreePorts;
import dev.smokegate.reference.services.Loopback;
import dev.smokegate.reference.services.ManagedService;
import dev.smokegate.reference.services.NginxServer;
import dev.smokegate.reference.db.AppSchema;
import dev.smokegate.reference.services.PostgresPing;
import dev.smokegate.reference.services.PostgresServer;
import dev.smokegate.reference.services.RedisPing;
import dev.smokegate.reference.services.RedisServer;
import dev.smokegate.reference.web.SiteServer;
import dev.smokegate.reference.ws.WsCluster;
import dev.smokegate.reference.ws.WsVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small but real deployment of the shape smokegate verifies, on 127.0.0.1: an HTTPS frontend, an HTTPS backend
 * whose health paths query a real Postgres 15 and Redis 7 over TLS, a www host redirecting to the apex, and plain
 * HTTP redirecting to HTTPS, all behind a PKI generated per start. The backend signs users in with GitHub through a
 * real Node app (passport-github2, sessions in Redis) against GitHub's stand-in ({@code github.smokegate.test}),
 * whose test account and client secret are generated per start ({@link #oauthAccount()}). Clients use the public URLs
 * ({@code https://app.smokegate.test}) and reach the local ports through {@link #connectTo()}, trusting
 * {@link #caCertificateFile()}.
 *
 * <p>The HTTPS hosts are what a current production edge serves: TLS 1.2 and 1.3, ECDHE and AEAD suites only, leaf
 * and intermediate sent, EC P-256 leaves signed with SHA-256 and valid for 90 days, and a GOOD OCSP response stapled.
 * Every certificate names an OCSP responder and a CRL on a loopback HTTP server that starts first.
 *
 * <p>Faults are switched at runtime ({@link #inject}, {@link #heal}). TLS faults are separate hosts instead, each
 * broken in one way and started on first use ({@link #tlsFaultHost}). Everything lives in a private temp directory
 * and is stopped and deleted by {@link #close()}, or by a shutdown hook if the JVM exits first.
 */
public final class ReferenceDeployment implements AutoCloseable {

    /** Postgres bounds each of its own steps; this only guards against a step that ignores its deadline. */
    private static final Duration POSTGRES_START_LIMIT = Duration.ofSeconds(90);
    /** Faults switched inside the running Redis (ACL, CONFIG SET), which heal() must switch back there. */
    private static final Set<Fault> REDIS_RUNTIME_FAULTS = EnumSet.of(Fault.REDIS_NO_PASSWORD, Fault.REDIS_PLAINTEXT,
            Fault.REDIS_EVICTS_ALLKEYS, Fault.REDIS_APP_MAY_FLUSHALL);

    private final Cleanup cleanup;
    private final Thread shutdownHook;
    private final WorkDir workDir;
    private final Path caCertificateFile;
    private final X509Certificate rootCertificate;
    private final FaultSwitches faults;
    private final PostgresServer postgres;
    private final PostgresFaults postgresFaults;
    private final RedisServer redis;
    private final Map<String, SiteServer> httpsServers;
    private final SiteServer httpServer;
    private final RevocationServer revocation;
    private final TlsFaultHosts tlsFaultHosts;
    private final WebSocketClusters webSockets;
    private final ReferenceOAuth oauth;
    private final OAuthAppProcess oauthApp;

    private ReferenceDeployment(Cleanup cleanup, Thread shutdownHook, WorkDir workDir, Path caCertificateFile,
                                X509Certificate rootCertificate, FaultSwitches faults, PostgresServer postgres,
                                RedisServer redis, Map<String, SiteServer> httpsServers, SiteServer httpServer,
                                RevocationServer revocation, TlsFaultHosts tlsFaultHosts,
                                WebSocketClusters webSockets, ReferenceOAuth oauth, OAuthAppProcess oauthApp) {
        this.cleanup = cleanup;
        this.shutdownHook = shutdownHook;
        this.workDir = workDir;
        this.caCertificateFile = caCertificateFile;
        this.rootCertificate = rootCertificate;
        this.faults = faults;
        this.postgres = postgres;
        this.postgresFaults = new PostgresFaults(postgres);
        this.redis = redis;
        this.httpsServers = Map.copyOf(httpsServers);
        this.httpServer = httpServer;
        this.revocation = revocation;
        this.tlsFaultHosts = tlsFaultHosts;
        this.webSockets = webSockets;
        this.oauth = oauth;
        this.oauthApp = oauthApp;
    }

    /** The deployment suites/demo.yaml describes: {@link #start()} plus the raw WebSocket rooms the file names. */
    public static ReferenceDeployment startDemo() throws IOException {
        ReferenceDeployment deployment = start();
        try {
            deployment.webSockets(WsVariant.RAW);
            return deployment;
        } catch (UncheckedIOException e) {
            deployment.close();
            throw e.getCause();
        }
    }

    /** Starts everything healthy in a fresh temp directory, on free ports; returns once every part answers. */
    public static ReferenceDeployment start() throws IOException {
        Cleanup cleanup = new Cleanup();
        Thread shutdownHook = new Thread(() -> closeFromShutdownHook(cleanup), "smokegate-reference-shutdown");
        // Registered first, so an interrupted start is cleaned up too.
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            return startParts(cleanup, shutdownHook);
        } catch (IOException | RuntimeException | Error e) {
            removeShutdownHook(shutdownHook);
            try {
                cleanup.closeAll();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    private static ReferenceDeployment startParts(Cleanup cleanup, Thread shutdownHook) throws IOException {
        WorkDir workDir = cleanup.register(WorkDir.create());
        // Before the PKI: every certificate names its OCSP and CRL URLs, and the TLS servers fetch staples there.
        RevocationServer revocation = cleanup.register(RevocationServer.start());
        ReferencePki pki = ReferencePki.generate(ReferenceHosts.ALL, revocation);
        X509Certificate root = pki.root().certificate();
        Path caFile = workDir.resolve("ca.crt");
        Pem.writeCertificates(caFile, List.of(root));

        // initdb dominates start time, so Postgres comes up on its own thread while Redis starts.
        FutureTask<PostgresServer> postgresStart =
                new FutureTask<>(() -> PostgresServer.create(workDir.resolve("postgres"), pki.loopbackLeaf()));
        Thread postgresStarter = new Thread(postgresStart, "smokegate-reference-postgres-start");
        postgresStarter.setDaemon(true);
        postgresStarter.start();
        cleanup.register(() -> closeWhenStarted(postgresStart));

        RedisServer redis = cleanup.register(RedisServer.create(workDir.resolve("redis"), pki.loopbackLeaf(), root));

        FaultSwitches faults = new FaultSwitches();
        RedisPing redisPing = new RedisPing(redis.endpoint(), root, ClientTimeouts.HEALTH_CHECK);
        // Chosen up front: the backend forwards to the Node OAuth app, which starts once GitHub's stand-in serves.
        ReferenceOAuth oauth = ReferenceOAuth.generate(FreePorts.pick());
        // The sites and the Node app start while Postgres is still coming up; the database health path waits for it,
        // which costs nothing once start() has returned.
        BackendApi api = new BackendApi(faults, () -> PostgresPing.selectOne(awaitStart(postgresStart).endpoint(),
                caFile, ClientTimeouts.HEALTH_CHECK), redisPing::ping,
                () -> PostgresPing.query(awaitStart(postgresStart).scratchEndpoint(), caFile,
                        ClientTimeouts.HEALTH_CHECK, "SELECT count(*) FROM messages"), oauth.appProxy(faults));
        ReferenceSites sites = ReferenceSites.create(faults, api, oauth.standInSite(faults),
                oauth.registration());
        Map<String, SiteServer> httpsServers = new LinkedHashMap<>();
        for (String host : ReferenceHosts.ALL) {
            httpsServers.put(host, cleanup.register(
                    SiteServer.https(host, TlsContexts.server(pki.leafFor(host)), sites.https().get(host))));
        }
        SiteServer httpServer = cleanup.register(SiteServer.http(sites.plainHttp()));
        OAuthAppProcess oauthApp = cleanup.register(oauth.launchApp(httpsServers.get(ReferenceHosts.GITHUB).port(),
                redis.endpoint(), caFile, workDir.resolve("oauth")));
        PostgresServer postgres = awaitStart(postgresStart);
        fillAppDatabase(postgres, caFile, workDir.resolve("app-db"));
        oauthApp.awaitListening();

        TlsFaultHosts tlsFaultHosts = new TlsFaultHosts(pki, revocation, workDir.resolve("tls-faults"), cleanup);
        WebSocketClusters webSockets = new WebSocketClusters(pki, redis.endpoint(), workDir.resolve("ws"), cleanup);
        return new ReferenceDeployment(cleanup, shutdownHook, workDir, caFile, root, faults, postgres, redis,
                httpsServers, httpServer, revocation, tlsFaultHosts, webSockets, oauth, oauthApp);
    }

    /**
     * The app's schema by its migrations, a few hundred rows, and a WAL switch, so the archive shows a recent
     * success as a database in use has one.
     */
    private static void fillAppDatabase(PostgresServer postgres, Path caFile, Path dir) throws IOException {
        AppSchema.migrate(postgres.endpoint(), caFile, dir);
        try {
            AppSchema.seed(postgres.endpoint(), caFile);
        } catch (SQLException e) {
            throw new IOException("cannot seed the app database: " + e.getMessage(), e);
        }
        postgres.runAsSuperuser("switch to a new WAL segment", "postgres", "SELECT pg_switch_wal();");
    }

    /**
     * How a client reaches each public {@code host:port} on this machine, in curl's {@code --connect-to} notation:
     * {@code "app.smokegate.test:443 -> 127.0.0.1:40123"}, then the same host's port 80, for each host; then
     * port 443 of every TLS fault host started so far ({@link #tlsFaultHost}), in {@link TlsFault} order. Fault
     * hosts serve no port 80. Call it again after starting fault hosts: the list is a snapshot.
     */
    public List<String> connectTo() {
        List<String> mappings = new ArrayList<>();
        for (String host : ReferenceHosts.ALL) {
            mappings.add(host + ":443 -> " + Loopback.HOST + ":" + httpsPort(host));
            mappings.add(host + ":80 -> " + Loopback.HOST + ":" + httpPort());
        }
        tlsFaultHosts.started().forEach((fault, host) ->
                mappings.add(fault.hostName() + ":443 -> " + Loopback.HOST + ":" + host.port()));
        webSockets.started().values().forEach(cluster -> mappings.addAll(cluster.connectTo()));
        return List.copyOf(mappings);
    }

    /**
     * Starts the WebSocket cluster of {@code variant} unless it runs already (two replicas behind one balancer,
     * sharing this deployment's Redis) and returns it; from then on {@link #connectTo()} maps its host. Its faults
     * are switched on the cluster; {@link #heal()} heals it too.
     */
    public WsCluster webSockets(WsVariant variant) {
        requireOpen();
        try {
            return webSockets.start(variant);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + variant + " WebSocket cluster", e);
        }
    }

    /**
     * Starts the host broken by {@code fault} unless it runs already, and returns its public name (for example
     * {@code expired-leaf.tls.smokegate.test}) once it accepts connections; from then on {@link #connectTo()} maps
     * its port 443. Hosts start only when asked for, so a deployment that never asks (the demo) does not pay for
     * them; each costs a few to a few hundred milliseconds (key generation, nginx start). Thread-safe; the host runs
     * until {@link #close()}.
     *
     * @throws UncheckedIOException if the host cannot start (e.g. nginx is missing), with the server's log tail
     */
    public String tlsFaultHost(TlsFault fault) {
        requireOpen();
        try {
            tlsFaultHosts.start(fault);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TLS fault host " + fault.hostName(), e);
        }
        return fault.hostName();
    }

    /**
     * The GitHub test account GitHub's stand-in knows, generated for this start: login {@code smokegate-bot}, a
     * random password and a random base32 TOTP secret (RFC 6238, SHA-1, 30 s, 6 digits). Never log it.
     */
    public GitHubAccount oauthAccount() {
        return oauth.account();
    }

    /** The OAuth app's client secret at GitHub's stand-in, generated for this start. Never log it. */
    public String githubClientSecret() {
        return oauth.registration().clientSecret();
    }

    /**
     * The secrets suites/demo.yaml references, by their variable names, as a verifier's environment would hold them:
     * the GitHub test account and client secret ({@code GITHUB_TEST_LOGIN}, {@code GITHUB_TEST_PASSWORD},
     * {@code GITHUB_TEST_TOTP_SECRET}, {@code GITHUB_CLIENT_SECRET}), and {@code DATABASE_URL} and {@code REDIS_URL}
     * with the app user's credentials, and {@code RESTORE_DATABASE_URL}: the empty scratch database on the same server
     * that a restore drill may fill; {@code JWT_SECRET} (the Node app's HMAC key, 48 random bytes per start) and
     * {@code SMOKE_JWT} (the test user's token as the healthy app issues it). Never log them.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(oauth.environment());
        environment.put("DATABASE_URL", postgres.endpoint().databaseUrl());
        environment.put("REDIS_URL", redis.endpoint().redisUrl());
        environment.put("RESTORE_DATABASE_URL", postgres.scratchEndpoint().databaseUrl());
        return java.util.Collections.unmodifiableMap(environment);
    }

    /**
     * {@code REDIS_URL} of an app wired to Redis' plaintext port: {@code redis://default:password@127.0.0.1:port}.
     * Only while {@link Fault#REDIS_PLAINTEXT} is on; never log it.
     */
    public String plaintextRedisUrl() {
        if (!faults.isOn(Fault.REDIS_PLAINTEXT)) {
            throw new IllegalStateException("Redis serves no plaintext port unless REDIS_PLAINTEXT is injected");
        }
        try {
            return redis.endpoint().plaintextUrl(redis.servePlaintext());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Redis' plaintext port", e);
        }
    }

    /**
     * Runs {@code sql} in {@code database} as Postgres's superuser: for tests that set up what the app's users cannot
     * (a table in the scratch database owned by its user, flushing statistics).
     */
    public void runAsDatabaseSuperuser(String what, String database, String sql) throws IOException {
        requireOpen();
        postgres.runAsSuperuser(what, database, sql);
    }

    /** PEM of the generated root CA certificate (no key): the one extra CA a client must trust. */
    public Path caCertificateFile() {
        return caCertificateFile;
    }

    /** Switches {@code fault} on; returns once it is in effect (a stopped service is really down). */
    public synchronized void inject(Fault fault) {
        requireOpen();
        faults.switchOn(fault);
        try {
            switch (fault) {
                case POSTGRES_STOPPED -> postgres.stop();
                case REDIS_STOPPED -> redis.stop();
                case REDIS_NO_PASSWORD -> redis.dropAppPassword();
                case REDIS_PLAINTEXT -> redis.servePlaintext();
                case REDIS_EVICTS_ALLKEYS -> redis.evictAllKeys();
                case REDIS_APP_MAY_FLUSHALL -> redis.allowAppFlushAll();
                case FRONTEND_REFUSES_CONNECTIONS -> httpsServers.get(ReferenceHosts.FRONTEND).refuseConnections();
                case FRONTEND_WRONG_CERTIFICATE -> httpsServers.get(ReferenceHosts.FRONTEND)
                        .presentCertificateOf(httpsServers.get(ReferenceHosts.WWW));
                case POSTGRES_ACCEPTS_PLAINTEXT, APP_USER_SUPERUSER, APP_USER_CREATEROLE, CRITICAL_TABLE_MISSING,
                        ARCHIVING_FAILING -> postgresFaults.inject(fault);
                default -> {
                    // The sites read the switch on every request.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inject " + fault, e);
        }
    }

    /** Switches every fault off, ends requests left hanging, and restarts stopped services; returns once healthy. */
    public synchronized void heal() {
        requireOpen();
        Set<Fault> wereOn = faults.snapshot();
        boolean redisChangedAtRuntime = wereOn.stream().anyMatch(REDIS_RUNTIME_FAULTS::contains);
        faults.switchAllOff();
        try {
            for (SiteServer server : servers()) {
                server.restore();
            }
            for (ManagedService service : List.<ManagedService>of(postgres, redis)) {
                if (!service.isRunning()) {
                    service.start();
                }
            }
            if (redisChangedAtRuntime) {
                redis.restoreHealthyRuntime();
            }
            postgresFaults.heal(wereOn);
            webSockets.healAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot heal the reference deployment", e);
        }
    }

    public Set<Fault> faults() {
        return faults.snapshot();
    }

    /** Stops every server and process and deletes the temp directory; idempotent. */
    @Override
    public void close() {
        removeShutdownHook(shutdownHook);
        cleanup.closeAll();
    }

    int httpsPort(String host) {
        SiteServer server = httpsServers.get(host);
        if (server == null) {
            throw new IllegalArgumentException("not a host of the reference deployment: " + host);
        }
        return server.port();
    }

    int httpPort() {
        return httpServer.port();
    }

    /** The loopback port of a started fault host. */
    int tlsFaultPort(TlsFault fault) {
        TlsFaultHosts.Started host = tlsFaultHosts.started().get(fault);
        if (host == null) {
            throw new IllegalStateException("TLS fault host not started: " + fault);
        }
        return host.port();
    }

    /** The nginx serving a started fault host; empty if it is not started or the JDK serves it. */
    Optional<NginxServer> tlsFaultNginx(TlsFault fault) {
        TlsFaultHosts.Started host = tlsFaultHosts.started().get(fault);
        return host == null ? Optional.empty() : host.nginx();
    }

    RevocationServer revocation() {
        return revocation;
    }

    X509Certificate rootCertificate() {
        return rootCertificate;
    }

    Path workDirectory() {
        return workDir.path();
    }

    ManagedService postgres() {
        return postgres;
    }

    ManagedService redis() {
        return redis;
    }

    ProcessHandle oauthAppProcess() {
        return oauthApp.process();
    }

    private List<SiteServer> servers() {
        List<SiteServer> servers = new ArrayList<>(httpsServers.values());
        servers.add(httpServer);
        return servers;
    }

    private void requireOpen() {
        if (cleanup.isClosed()) {
            throw new IllegalStateException("the reference deployment is closed");
        }
    }

    private static PostgresServer awaitStart(FutureTask<PostgresServer> start) throws IOException {
        try {
            return start.get(POSTGRES_START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IOException("Postgres failed to start: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("Postgres did not start within " + POSTGRES_START_LIMIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Postgres was starting", e);
        }
    }

    /** Covers a start that fails elsewhere while Postgres is still coming up: wait for it, then stop it. */
    private static void closeWhenStarted(FutureTask<PostgresServer> start) throws IOException {
        PostgresServer postgres;
        try {
            postgres = awaitStart(start);
        } catch (IOException failedToStart) {
            return; // PostgresServer.create stops what it started when it fails
        }
        postgres.close();
    }

    private static void closeFromShutdownHook(Cleanup cleanup) {
        try {
            cleanup.closeAll();
        } catch (RuntimeException e) {
            // No caller to throw to while the JVM exits; stderr is the only place left to say what leaked.
            System.err.println("smokegate reference deployment: " + e.getMessage());
            e.printStackTrace();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it does the same cleanup.
        }
    }
}
