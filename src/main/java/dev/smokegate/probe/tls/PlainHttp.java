package dev.smokegate.probe.tls;

import dev.smokegate.probe.FailureText;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few HTTP/1.0 requests revocation needs (OCSP POST, CRL GET) over a plain socket: bounded by the run's connect
 * and read timeouts and a hard per-request deadline, capped in size, no proxy, and dialled through a connect-to
 * mapping only when the URL's own {@code host:port} is mapped. Failures carry the report's phrases
 * ({@code connection refused}, {@code timed out}, {@code no response within}, {@code could not resolve host}).
 */
final class PlainHttp {

    record Response(int status, byte[] body) {
    }

    private static final int MAX_REDIRECTS = 2;

    private final EnvironmentConfig config;

    PlainHttp(EnvironmentConfig config) {
        this.config = config;
    }

    Response post(URI uri, byte[] body, String contentType, int maxBytes) throws IOException {
        return exchange(uri, "POST", body, contentType, maxBytes, 0);
    }

    Response get(URI uri, int maxBytes) throws IOException {
        return exchange(uri, "GET", null, null, maxBytes, 0);
    }

    private Response exchange(URI uri, String method, byte[] body, String contentType, int maxBytes, int hops)
            throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IOException("unsupported URL " + uri + " (only http:// is fetched)");
        }
        String host = uri.getHost();
        int port = Ports.of(uri);
        ConnectTo.Address dial = config.connectTo().dial(host, port);
        Dialer dialer = new Dialer(dial, config.timeouts().connect(), config.timeouts().read());
        Dialer.Guarded connection;
        try {
            connection = dialer.connect();
        } catch (SocketTimeoutException e) {
            throw new IOException("timed out connecting to " + dial, e);
        } catch (ConnectException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw new IOException((message.contains("refused") ? "connection refused by " : "could not connect to ")
                    + dial, e);
        }
        try (connection) {
            OutputStream out = connection.socket().getOutputStream();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                    .append("Host: ").append(uri.getPort() == -1 ? host : host + ":" + port).append("\r\n")
                    .append("User-Agent: smokegate\r\nAccept: */*\r\nConnection: close\r\n");
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = connection.socket().getInputStream();
            String statusLine = readLine(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response from " + uri);
            }
            int status = Integer.parseInt(parts[1].trim());
            long contentLength = -1;
            boolean chunked = false;
            String location = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "location" -> location = value;
                    default -> { }
                }
            }
            if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && location != null && "GET".equals(method) && hops < MAX_REDIRECTS) {
                return exchange(uri.resolve(location), method, null, null, maxBytes, hops + 1);
            }
            if (contentLength > maxBytes) {
                throw new IOException("response from " + uri + " is larger than " + maxBytes + " bytes");
            }
            byte[] content = chunked ? readChunked(in, maxBytes) : readBody(in, contentLength, maxBytes);
            return new Response(status, content);
        } catch (SocketTimeoutException e) {
            throw new IOException("no response within " + Dialer.seconds(config.timeouts().read()) + " from " + uri, e);
        } catch (IOException e) {
            if (connection.expired()) {
                throw new IOException("no response within " + Dialer.seconds(dialer.connectionBudget()) + " from "
                        + uri, e);
            }
            throw e;
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP response from " + uri, e);
        }
    }

    private static byte[] readBody(InputStream in, long contentLength, int maxBytes) throws IOException {
        if (contentLength >= 0) {
            byte[] body = in.readNBytes((int) contentLength);
            if (body.length != contentLength) {
                throw new IOException("response ended after " + body.length + " of " + contentLength + " bytes");
            }
            return body;
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new IOException("response is larger than " + maxBytes + " bytes");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            if (body.size() + (long) size > maxBytes) {
                throw new IOException("response is larger than " + maxBytes + " bytes");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new IOException("chunked response ended early");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 16_384) {
                throw new IOException("HTTP header line too long");
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed before a complete HTTP response");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return e.getMessage() != null && e.getMessage().startsWith("could not resolve host")
                    ? e.getMessage() : "could not resolve host " + e.getMessage();
        }
        return FailureText.of(e);
    }
}
