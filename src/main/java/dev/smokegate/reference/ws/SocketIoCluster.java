package dev.smokegate.reference.ws;

import dev.smokegate.reference.pki.Pem;
import dev.smokegate.reference.services.NodeRuntime;
import dev.smokegate.reference.services.RedisEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Socket.IO 4 as production runs it: two Node replicas ({@code socketio-server.js}) sharing the deployment's Redis
 * through {@code @socket.io/redis-adapter}, TLS ending at the replicas, behind a {@link ClusterFront}. A fault on the
 * Node side restarts both replicas with other {@link SocketIoSettings} on the same TLS ports (the balancer keeps
 * them); a fault in the edge is switched on the front alone.
 */
final class SocketIoCluster implements WsCluster {

    private static final int REPLICAS = 2;
    private static final String SCRIPT = "socketio-server.js";
    static final List<String> MODULES = List.of("socket.io", "@socket.io/redis-adapter", "redis");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final ClusterMaterial material;
    private final List<String> command;
    /** Holds the Redis password: handed to Node as environment (not visible in ps), never logged. */
    private final Map<String, String> environment;
    private final Set<WsFault> faults = EnumSet.noneOf(WsFault.class);
    private final List<SocketIoReplica> replicas = new ArrayList<>();
    /** Port 0 lets the first replicas pick free ports; restarts reuse them, since the balancer forwards there. */
    private List<Integer> tlsPorts = Collections.nCopies(REPLICAS, 0);
    private SocketIoSettings settings;
    private ClusterFront front;
    private boolean closed;

    private SocketIoCluster(ClusterMaterial material, List<String> command, Map<String, String> environment) {
        this.material = material;
        this.command = command;
        this.environment = environment;
    }

    /** Starts both replicas healthy and the front; on failure nothing is left running. */
    static WsCluster start(ClusterMaterial material) throws IOException {
        NodeRuntime runtime = NodeRuntime.locate("the Socket.IO reference cluster", MODULES);
        SocketIoCluster cluster = new SocketIoCluster(material,
                runtime.command(NodeRuntime.extractScript(SocketIoCluster.class, SCRIPT, material.workDir())),
                environment(material, runtime));
        try {
            cluster.runReplicas(SocketIoSettings.under(Set.of()));
            cluster.front = ClusterFront.start(material.host(), cluster.tlsPorts);
            return cluster;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(cluster, e);
            throw e;
        }
    }

    @Override
    public String host() {
        return material.host();
    }

    @Override
    public URI url() {
        return URI.create("wss://" + material.host() + "/socket.io/");
    }

    @Override
    public synchronized List<String> connectTo() {
        return front.connectTo();
    }

    @Override
    public int replicas() {
        return REPLICAS;
    }

    @Override
    public synchronized void inject(WsFault fault) throws IOException {
        requireOpen();
        faults.add(fault);
        apply();
    }

    @Override
    public synchronized void heal() throws IOException {
        requireOpen();
        faults.clear();
        apply();
    }

    @Override
    public synchronized List<ProcessHandle> processes() {
        return replicas.stream().map(SocketIoReplica::handle).filter(ProcessHandle::isAlive).toList();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (front != null) {
                front.close();
            }
        } finally {
            stopReplicas();
        }
    }

    /** Restarts the replicas only if their settings change (or one died), then sets the edge to match. */
    private void apply() throws IOException {
        SocketIoSettings wanted = SocketIoSettings.under(faults);
        if (!wanted.equals(settings) || !replicas.stream().allMatch(SocketIoReplica::isAlive)) {
            stopReplicas();
            try {
                runReplicas(wanted);
            } catch (IOException | RuntimeException e) {
                stopAfterFailure(e);
                throw e;
            }
        }
        front.neverAnswer(faults.contains(WsFault.NEVER_ANSWERS));
        front.cutIdleConnections(faults.contains(WsFault.DROPS_IDLE_AFTER_5S));
        if (faults.contains(WsFault.PLAINTEXT_SERVED)) {
            front.servePlaintext(replicas.stream().map(replica -> replica.httpPort().orElseThrow()).toList());
        } else {
            front.redirectPlaintext();
        }
    }

    private void runReplicas(SocketIoSettings wanted) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(wanted.environment());
        // All launched before any is awaited: Node's start-up (mostly loading modules) runs in parallel.
        for (int i = 0; i < REPLICAS; i++) {
            String id = "io-" + (i + 1);
            env.put("IO_HTTPS_PORT", String.valueOf(tlsPorts.get(i)));
            replicas.add(SocketIoReplica.launch(id, command, env, material.workDir().resolve(id + ".log")));
        }
        for (SocketIoReplica replica : replicas) {
            replica.awaitListening(deadline);
        }
        tlsPorts = replicas.stream().map(SocketIoReplica::httpsPort).toList();
        settings = wanted;
    }

    private void stopReplicas() throws IOException {
        replicas.forEach(SocketIoReplica::signalStop);
        IOException failure = null;
        for (SocketIoReplica replica : replicas) {
            try {
                replica.stop();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        replicas.clear();
        settings = null;
        if (failure != null) {
            throw failure;
        }
    }

    private void stopAfterFailure(Exception failure) {
        try {
            stopReplicas();
        } catch (IOException | RuntimeException stopFailure) {
            failure.addSuppressed(stopFailure);
        }
    }

    private static void closeAfterFailure(SocketIoCluster cluster, Exception failure) {
        try {
            cluster.close();
        } catch (IOException | RuntimeException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the Socket.IO cluster is closed");
        }
    }

    /** Writes the TLS files into the work directory and names them, with everything else fixed for every run. */
    private static Map<String, String> environment(ClusterMaterial material, NodeRuntime runtime)
            throws IOException {
        Path dir = material.workDir();
        Pem.writeCertificates(dir.resolve("io.crt"), material.identity().chain());
        Pem.writePrivateKey(dir.resolve("io.key"), material.identity().privateKey());
        Pem.writeCertificates(dir.resolve("redis-ca.crt"), List.of(material.root()));
        RedisEndpoint redis = material.redis();
        return Map.of(
                "NODE_PATH", runtime.nodeModules().toString(),
                "IO_TLS_CERT", dir.resolve("io.crt").toString(),
                "IO_TLS_KEY", dir.resolve("io.key").toString(),
                "IO_REDIS_CA", dir.resolve("redis-ca.crt").toString(),
                "IO_REDIS_HOST", redis.host(),
                "IO_REDIS_PORT", String.valueOf(redis.port()),
                "IO_REDIS_PASSWORD", redis.password(),
                "IO_ALLOWED_ORIGIN", material.allowedOrigin());
    }
}
