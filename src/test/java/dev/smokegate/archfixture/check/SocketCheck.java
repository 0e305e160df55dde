package dev.smokegate.archfixture.check;

import dev.smokegate.archfixture.probe.ProbeInternal;
import java.io.IOException;
import java.net.Socket;

/** A check that talks to the network and uses a probe's machinery. */
public final class SocketCheck {
    final ProbeInternal internal = null;

    boolean reachable() throws IOException {
        try (Socket socket = new Socket("example.com", 443)) {
            return socket.isConnected();
        }
    }
}
