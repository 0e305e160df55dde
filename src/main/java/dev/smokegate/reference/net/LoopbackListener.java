package dev.smokegate.reference.net;

import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A listening socket on a free loopback port whose connections a daemon thread hands to a handler: what the
 * reference world's TCP middlemen (the WebSocket edge's balancer, the fault-injecting proxy) are built on.
 */
public final class LoopbackListener implements AutoCloseable {

    private final ServerSocket server;

    private LoopbackListener(ServerSocket server) {
        this.server = server;
    }

    /** Starts accepting; every accepted connection goes to {@code accepted}, on the accepting thread. */
    public static LoopbackListener start(String name, Consumer<Socket> accepted) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
        LoopbackListener listener = new LoopbackListener(server);
        daemon(() -> listener.acceptUntilClosed(accepted), name + "-accept").start();
        return listener;
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closeQuietly(server);
    }

    private void acceptUntilClosed(Consumer<Socket> accepted) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (server.isClosed()) {
                // Accepted while close() ran: nothing would ever close it otherwise.
                closeQuietly(client);
                return;
            }
            accepted.accept(client);
        }
    }

    public static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Closing is best effort: it happens while shutting down, when nothing is left to do with an error. */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // see above
        }
    }
}
