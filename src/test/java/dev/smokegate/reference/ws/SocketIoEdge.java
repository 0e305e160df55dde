package dev.smokegate.reference.ws;

import dev.smokegate.config.CertificateFiles;
import dev.smokegate.reference.pki.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Reaches a cluster's public ports 443 and 80 the way a client outside would, through its connect-to mappings:
 * TLS with SNI and certificate checks for the public name, trusting only the deployment's root. Raw HTTP/1.1 on
 * top, so a test sees exactly what the replicas answer (status lines are never interpreted or followed).
 */
final class SocketIoEdge {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String host;
    private final int tlsPort;
    private final int plainPort;
    private final SSLContext tls;

    SocketIoEdge(WsCluster cluster, Path caCertificateFile) throws IOException, GeneralSecurityException {
        Map<String, Integer> ports = cluster.connectTo().stream().map(mapping -> mapping.split(" -> "))
                .collect(Collectors.toMap(m -> m[0], m -> Integer.parseInt(m[1].substring(m[1].lastIndexOf(':') + 1)),
                        (a, b) -> a));
        this.host = cluster.host();
        this.tlsPort = ports.get(host + ":443");
        this.plainPort = ports.get(host + ":80");
        this.tls = TlsContexts.trustingOnly(CertificateFiles.read(caCertificateFile).get(0));
    }

    /** A TLS connection to port 443, handshake done, for {@code host}. */
    SSLSocket openTls(Duration readTimeout) throws IOException {
        Socket tcp = connect(tlsPort);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(tcp, host, 443, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.startHandshake();
        return socket;
    }

    SSLSocket openTls() throws IOException {
        return openTls(TIMEOUT);
    }

    /** The first line of the answer to an Engine.IO WebSocket upgrade on port 443 or 80 ({@code HTTP/1.1 101 ...}). */
    String upgradeStatus(boolean overTls, String origin) throws IOException {
        try (Socket socket = overTls ? openTls() : connect(plainPort)) {
            send(socket, "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Origin: " + origin + "\r\n\r\n");
            return readUntil(socket.getInputStream(), bytes -> bytes.endsWith("\r\n")).strip();
        }
    }

    /** The whole answer (status line, headers, body) to a GET on port 443 with {@code Connection: close}. */
    String get(String pathAndQuery, String origin) throws IOException {
        try (Socket socket = openTls()) {
            send(socket, "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin
                    + "\r\nConnection: close\r\n\r\n");
            return readUntil(socket.getInputStream(), bytes -> false);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until {@code done} says so or the peer closes; a read timeout propagates. */
    private static String readUntil(InputStream in, Predicate<String> done) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            received.write(b);
            if (done.test(received.toString(StandardCharsets.ISO_8859_1))) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
