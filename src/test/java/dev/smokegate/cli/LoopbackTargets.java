package dev.smokegate.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Targets on loopback that are down the two ways a real one is: refusing connections, or accepting and silent. */
final class LoopbackTargets {

    private LoopbackTargets() {
    }

    /** A port nothing listens on, so a connection to it is refused. */
    static int refusingPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Accepts every connection and never answers; holds the sockets open until closed. */
    static final class Silent implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        private Silent(ServerSocket server) {
            this.server = server;
        }

        static Silent start() throws IOException {
            Silent silent = new Silent(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(silent::acceptUntilClosed, "silent-target");
            acceptor.setDaemon(true);
            acceptor.start();
            return silent;
        }

        int port() {
            return server.getLocalPort();
        }

        /** How many clients have connected so far: a probe waiting here shows that a run is under way. */
        synchronized int connections() {
            return held.size();
        }

        private void acceptUntilClosed() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    synchronized (this) {
                        held.add(socket);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (this) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
