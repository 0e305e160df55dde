package dev.smokegate.reference.ws;

import dev.smokegate.reference.services.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A WebSocket upgrade request written by hand, to see the status line the server really sends: a client library
 * reports a refused handshake only as "not connected".
 */
final class RawRoomHandshake {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private RawRoomHandshake() {
    }

    /** The status line answering {@code GET path} upgraded over TLS for {@code host} through {@code port}. */
    static String overTls(String host, int port, SSLContext trust, String path, Optional<String> origin)
            throws IOException {
        try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket(tcp(port), host, 443, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            return statusLine(socket, host, path, origin);
        }
    }

    /** The same without TLS, as {@code ws://} on port 80 would send it. */
    static String plain(String host, int port, String path, Optional<String> origin) throws IOException {
        try (Socket socket = tcp(port)) {
            return statusLine(socket, host, path, origin);
        }
    }

    private static String statusLine(Socket socket, String host, String path, Optional<String> origin)
            throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + origin.map(value -> "Origin: " + value + "\r\n").orElse("")
                + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    private static Socket tcp(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }
}
