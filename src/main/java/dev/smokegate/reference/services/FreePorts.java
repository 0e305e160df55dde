package dev.smokegate.reference.services;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Picks loopback ports for servers that must be told their port up front. Another process could take the port
 * between here and the server's bind; with random ephemeral ports that race is rare, and the start fails loudly.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int pick() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            return socket.getLocalPort();
        }
    }
}
