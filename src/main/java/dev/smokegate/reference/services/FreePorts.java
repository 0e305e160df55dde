package dev.smokegate.reference.services;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Picks loopback ports for servers that must be told their port up front. Another process can take the port between
 * here and the server's bind (two test JVMs starting servers at once do); a server that loses that race is started
 * again on a fresh port, see {@link #lostRace}.
 */
public final class FreePorts {

    /** A start that lost the race once gets one more port; losing twice in a row is not a race any more. */
    static final int ATTEMPTS = 2;

    private FreePorts() {
    }

    public static int pick() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            return socket.getLocalPort();
        }
    }

    /** Whether a server's failed start says its port was taken (the OS's words, in Postgres's and Redis's logs). */
    static boolean lostRace(IOException startFailure) {
        return String.valueOf(startFailure.getMessage()).contains("Address already in use");
    }
}
