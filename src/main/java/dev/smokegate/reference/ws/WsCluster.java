package dev.smokegate.reference.ws;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * WebSocket rooms served by several replicas behind one {@link TcpBalancer} address, sharing Redis pub/sub: the
 * shape of an autoscaled Railway backend. Reached under its public name through {@link #connectTo()}.
 */
public interface WsCluster extends AutoCloseable {

    /** The public host name, e.g. {@code rooms.smokegate.test}. */
    String host();

    /** The endpoint clients connect to: {@code wss://host/ws}, or {@code wss://host/socket.io/} for Socket.IO. */
    URI url();

    /** {@code host:443 -> 127.0.0.1:P} and {@code host:80 -> 127.0.0.1:Q}, in curl's --connect-to notation. */
    List<String> connectTo();

    int replicas();

    /** Switches {@code fault} on; returns once the cluster behaves accordingly (replicas restarted if needed). */
    void inject(WsFault fault) throws IOException;

    /** Switches every fault off; returns once the cluster is healthy again. */
    void heal() throws IOException;

    /** The server processes this cluster runs outside the JVM (empty for in-JVM replicas), to prove they end. */
    List<ProcessHandle> processes();

    @Override
    void close() throws IOException;
}
