package dev.smokegate.reference.ws;

import dev.smokegate.reference.pki.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The raw-WebSocket rooms ({@link WsVariant#RAW}): two replicas in this JVM (Java-WebSocket, TLS ending at each
 * replica) sharing room messages through the deployment's Redis pub/sub, behind a {@link ClusterFront}. Every fault
 * is a runtime switch, read by the replicas or flipped in the front, so nothing restarts.
 */
final class RawRoomCluster implements WsCluster {

    private static final List<String> REPLICA_IDS = List.of("rooms-1", "rooms-2");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final List<RoomReplica> replicas;
    private final ClusterFront front;
    /** The faults the replicas read on each handshake and message; the front's are switched in the front. */
    private final Set<WsFault> replicaFaults;
    private boolean closed;

    private RawRoomCluster(String host, List<RoomReplica> replicas, ClusterFront front, Set<WsFault> replicaFaults) {
        this.host = host;
        this.replicas = replicas;
        this.front = front;
        this.replicaFaults = replicaFaults;
    }

    /** Starts both replicas side by side, then the front; on failure stops whatever had started. */
    static WsCluster start(ClusterMaterial material) throws IOException {
        Set<WsFault> replicaFaults = ConcurrentHashMap.newKeySet();
        SSLContext tls = TlsContexts.server(material.identity());
        List<RoomReplica> replicas = new ArrayList<>();
        try {
            for (String id : REPLICA_IDS) {
                replicas.add(RoomReplica.launch(id, material, tls, replicaFaults));
            }
            for (RoomReplica replica : replicas) {
                replica.awaitReady(READY_TIMEOUT);
            }
            ClusterFront front = ClusterFront.start(material.host(),
                    replicas.stream().map(RoomReplica::tlsPort).toList());
            return new RawRoomCluster(material.host(), List.copyOf(replicas), front, replicaFaults);
        } catch (IOException | RuntimeException e) {
            replicas.forEach(RoomReplica::close);
            throw e;
        }
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public URI url() {
        return URI.create("wss://" + host + RoomListener.PATH);
    }

    @Override
    public List<String> connectTo() {
        return front.connectTo();
    }

    @Override
    public int replicas() {
        return replicas.size();
    }

    /** Takes effect before it returns: switches are read on every handshake and message, the front's at once. */
    @Override
    public synchronized void inject(WsFault fault) {
        if (closed) {
            throw new IllegalStateException("the " + host + " cluster is closed");
        }
        switch (fault) {
            case REPLICAS_NOT_SHARING_REDIS, ORIGIN_NOT_CHECKED, BROADCAST_OUTSIDE_ROOM, SLOW_MESSAGES ->
                    replicaFaults.add(fault);
            case PLAINTEXT_SERVED -> front.servePlaintext(replicas.stream().map(RoomReplica::plainPort).toList());
            case NEVER_ANSWERS -> front.neverAnswer(true);
            case DROPS_IDLE_AFTER_5S -> {
                replicas.forEach(replica -> replica.keepAlive(false));
                front.cutIdleConnections(true);
            }
            case POLLING_WITHOUT_STICKINESS -> throw new IllegalArgumentException(
                    fault + " is a Socket.IO fault (HTTP long-polling); the raw WebSocket cluster has no polling");
        }
    }

    /**
     * Also waits for every replica to be subscribed to Redis, which the deployment restarts before it heals its
     * clusters. A closed cluster has nothing to heal, so the deployment may heal all clusters regardless.
     */
    @Override
    public synchronized void heal() throws IOException {
        if (closed) {
            return;
        }
        replicaFaults.clear();
        replicas.forEach(replica -> {
            replica.keepAlive(true);
            replica.closePlaintextConnections();
        });
        front.heal();
        for (RoomReplica replica : replicas) {
            replica.awaitSubscribed(READY_TIMEOUT);
        }
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        front.close();
        replicas.forEach(RoomReplica::close);
    }
}
