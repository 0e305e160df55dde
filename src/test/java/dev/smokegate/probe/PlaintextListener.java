package dev.smokegate.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-TCP listener that plays a host's port 80 (or a {@code ws://} endpoint) and keeps every byte a client
 * sends it, so a test can prove what a plaintext probe carried. Each connection gets a 400 answer after its request
 * head and is closed.
 */
public final class PlaintextListener implements AutoCloseable {

    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    public PlaintextListener() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::accept, "plaintext-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code host:80 -> 127.0.0.1:port}, for connect-to. */
    public String mapping(String host) {
        return host + ":80 -> 127.0.0.1:" + port();
    }

    public int connections() {
        return connections.get();
    }

    /** Everything received so far, as ISO-8859-1 text so that every byte survives. */
    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                connections.incrementAndGet();
                client.setSoTimeout(2000);
                readHead(client.getInputStream());
                client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // a client that hung up, or the listener closing: whatever arrived is kept
            }
        }
    }

    /** Reads up to the blank line ending a request head, or until the client stops sending. */
    private void readHead(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        StringBuilder head = new StringBuilder();
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
                head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (head.indexOf("\r\n\r\n") >= 0) {
                    return;
                }
            }
        } catch (SocketTimeoutException silent) {
            // the client sent all it will
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
