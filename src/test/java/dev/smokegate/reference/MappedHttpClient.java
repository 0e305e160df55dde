package dev.smokegate.reference;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately raw HTTP/1.1 client for the tests: it follows curl-style connect-to mappings, sends SNI and Host
 * with the public name, verifies the certificate against one trusted root and that name, and keeps the chain exactly
 * as the server sent it. Redirects are never followed.
 */
final class MappedHttpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, InetSocketAddress> connectTo = new HashMap<>();
    private final SSLContext tls;

    MappedHttpClient(List<String> connectToMappings, SSLContext tls) {
        for (String mapping : connectToMappings) {
            String[] publicAndLocal = mapping.split(" -> ");
            String[] local = publicAndLocal[1].split(":");
            connectTo.put(publicAndLocal[0], new InetSocketAddress(local[0], Integer.parseInt(local[1])));
        }
        this.tls = tls;
    }

    Exchange get(String url) throws IOException {
        return get(url, DEFAULT_READ_TIMEOUT);
    }

    Exchange get(String url, Duration readTimeout) throws IOException {
        return get(url, URI.create(url).getHost(), readTimeout);
    }

    /** Requests {@code url} but expects the certificate to be valid for {@code verifiedName}. */
    Exchange get(String url, String verifiedName, Duration readTimeout) throws IOException {
        return send("GET", url, Map.of(), null, verifiedName, readTimeout);
    }

    /** Any method, with more request headers and, unless null, a body (its Content-Length is added). */
    Exchange send(String method, String url, Map<String, String> headers, String body) throws IOException {
        return send(method, url, headers, body, URI.create(url).getHost(), DEFAULT_READ_TIMEOUT);
    }

    private Exchange send(String method, String url, Map<String, String> headers, String body, String verifiedName,
                          Duration readTimeout) throws IOException {
        URI uri = URI.create(url);
        boolean https = "https".equals(uri.getScheme());
        int publicPort = https ? 443 : 80;
        InetSocketAddress local = connectTo.get(uri.getHost() + ":" + publicPort);
        if (local == null) {
            throw new IllegalArgumentException("no connect-to mapping for " + uri.getHost() + ":" + publicPort);
        }
        Socket plain = new Socket();
        plain.connect(local, (int) CONNECT_TIMEOUT.toMillis());
        plain.setSoTimeout((int) readTimeout.toMillis());
        try (Socket socket = https ? handshake(plain, verifiedName) : plain) {
            List<X509Certificate> chain = https ? peerChain((SSLSocket) socket) : List.of();
            String target = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nUser-Agent: smokegate-test\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes(), chain);
        }
    }

    private SSLSocket handshake(Socket plain, String verifiedName) throws IOException {
        // The host name given here becomes both the SNI name and the name the certificate must match.
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, verifiedName, 443, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static List<X509Certificate> peerChain(SSLSocket socket) throws IOException {
        Certificate[] sent = socket.getSession().getPeerCertificates();
        return Arrays.stream(sent).map(X509Certificate.class::cast).toList();
    }

    private static Exchange parse(byte[] raw, List<X509Certificate> chain) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            throw new EOFException("connection closed without a complete response (" + raw.length + " bytes)");
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, any -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new Exchange(status, headers, text.substring(headerEnd + 4), chain);
    }

    /** @param headers by lower-case name */
    record Exchange(int status, Map<String, List<String>> headers, String body, List<X509Certificate> chain) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }
    }
}
