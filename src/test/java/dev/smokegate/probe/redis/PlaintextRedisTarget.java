package dev.smokegate.probe.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plaintext "Redis" that answers every line with one fixed reply and keeps every byte it is sent, so a test can
 * prove what a probe carried over plaintext.
 */
final class PlaintextRedisTarget implements AutoCloseable {

    private final ServerSocket server;
    private final String reply;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread acceptor;

    PlaintextRedisTarget(String reply) throws IOException {
        this.reply = reply;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::accept, "plaintext-redis-target");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Everything received so far, as ISO-8859-1 text so that every byte survives. */
    String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(2000);
                InputStream in = client.getInputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    synchronized (received) {
                        received.write(b);
                    }
                    if (b == '\n') {
                        client.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    }
                }
            } catch (IOException closedOrTimedOut) {
                // the next connection, or the end
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
