package dev.smokegate.reference.ws;

import java.io.IOException;

/** The two ways the seed's backend may speak WebSocket, each a cluster under its own public name. */
public enum WsVariant {

    /** Raw WebSocket with the app's JSON room protocol, replicas on the JVM (Java-WebSocket). */
    RAW("rooms.smokegate.test", RawRoomCluster::start),

    /** Socket.IO 4 on Node with {@code @socket.io/redis-adapter}, what production runs. */
    SOCKET_IO("io.smokegate.test", SocketIoCluster::start);

    @FunctionalInterface
    interface Starter {
        WsCluster start(ClusterMaterial material) throws IOException;
    }

    private final String host;
    private final Starter starter;

    WsVariant(String host, Starter starter) {
        this.host = host;
        this.starter = starter;
    }

    public String host() {
        return host;
    }

    public WsCluster start(ClusterMaterial material) throws IOException {
        return starter.start(material);
    }
}
