package dev.smokegate.probe.ws;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.ProbeContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket client connection made with Java-WebSocket over a socket we dial ourselves, so the run's host
 * mappings, trust and timeouts apply and the TLS hostname check keeps the public name. Every frame goes to the
 * scenario's transcript. The client never pings: whether the server keeps a connection alive is what is tested.
 */
final class WsConnection implements AutoCloseable {

    /** Java-WebSocket reports a refused upgrade only in its close reason; the status is parsed from there. */
    private static final Pattern REFUSED_STATUS = Pattern.compile("Invalid status code received: (\\d{3})");

    private final Client client;
    private final WsHandshake handshake;

    private WsConnection(Client client, WsHandshake handshake) {
        this.client = client;
        this.handshake = handshake;
    }

    WsHandshake handshake() {
        return handshake;
    }

    /**
     * Dials {@code url} and upgrades; never throws for a target that misbehaves, the handshake says what happened.
     *
     * @param autoReply answers protocol-level messages the moment they arrive (Socket.IO's ping), or empty
     */
    // setSocket is deprecated for a socket factory, but the socket here is already dialled to the mapped address and
    // through TLS with the public name; handing it over as is keeps that in one place.
    @SuppressWarnings("deprecation")
    static WsConnection dial(URI url, String origin, Map<String, String> headers, ProbeContext context,
                             WsTranscript transcript, String name, Function<String, Optional<String>> autoReply) {
        EnvironmentConfig config = context.config();
        long start = System.nanoTime();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Origin", origin);
        all.put("User-Agent", "smokegate");
        all.putAll(headers);
        Client client = new Client(url, all, transcript, name, autoReply);
        transcript.record(name, ">", "GET " + url + " (Origin: " + origin + ")");
        Socket socket;
        try {
            socket = connect(url, context);
        } catch (IOException e) {
            String failure = describe(e, url, config);
            transcript.record(name, "x", failure);
            return new WsConnection(client, new WsHandshake(url, origin, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(failure), since(start)));
        }
        client.setSocket(socket);
        client.setDaemon(true);
        client.setConnectionLostTimeout(0);
        boolean open;
        try {
            open = client.connectBlocking(config.timeouts().read().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
        Optional<Integer> status = Optional.ofNullable(client.status);
        Optional<String> failure = Optional.empty();
        if (!open && status.isEmpty()) {
            String where = Endpoints.where(url, config);
            failure = Optional.of(client.error != null
                    ? "WebSocket upgrade to " + where + " failed: " + client.error.getMessage()
                    : "no answer to the WebSocket upgrade within " + Endpoints.seconds(config.timeouts().read())
                    + " from " + where + " (connection accepted, nothing answered)");
            transcript.record(name, "x", failure.get());
            client.close();
        }
        return new WsConnection(client, new WsHandshake(url, origin, status, Optional.empty(),
                Optional.ofNullable(open ? null : client.closeReason).filter(r -> !r.isBlank()), failure,
                since(start)));
    }

    /** The handshake with the app-level outcome added (Socket.IO CONNECT). */
    WsConnection withAppConnect(boolean connected, Optional<String> refusal) {
        return new WsConnection(client, new WsHandshake(handshake.url(), handshake.origin(), handshake.status(),
                Optional.of(connected), refusal.or(handshake::refusal), handshake.failure(), handshake.elapsed()));
    }

    boolean isOpen() {
        return client.isOpen();
    }

    boolean send(String text) {
        if (!client.isOpen()) {
            return false;
        }
        client.transcript.record(client.name, ">", text);
        client.send(text);
        return true;
    }

    /** The first message received so far or within {@code timeout} that matches; empty if the socket closes. */
    Optional<String> await(Predicate<String> match, Duration timeout) {
        return client.await(match, timeout);
    }

    /** Close code and reason if the server closed or the connection dropped. */
    Optional<String> closedBy() {
        return Optional.ofNullable(client.closeDescription);
    }

    @Override
    public void close() {
        client.close();
    }

    private static Socket connect(URI url, ProbeContext context) throws IOException {
        EnvironmentConfig config = context.config();
        boolean secure = "wss".equalsIgnoreCase(url.getScheme());
        int port = Endpoints.port(url);
        ConnectTo.Address address = config.connectTo().dial(url.getHost(), port);
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) config.timeouts().connect().toMillis());
            if (!secure) {
                return raw;
            }
            SSLSocket tls = (SSLSocket) context.trust().getSocketFactory().createSocket(raw, url.getHost(), port,
                    true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) config.timeouts().read().toMillis());
            tls.startHandshake();
            // Idle is legitimate from here on (keepalive waits on purpose); the scenario bounds every wait itself.
            tls.setSoTimeout(0);
            return tls;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static String describe(IOException e, URI url, EnvironmentConfig config) {
        String where = Endpoints.where(url, config);
        if (e instanceof UnknownHostException) {
            return "could not resolve host " + url.getHost();
        }
        if (e instanceof ConnectException) {
            return "connection refused by " + where;
        }
        if (e instanceof SocketTimeoutException) {
            return e.getMessage() != null && e.getMessage().contains("connect")
                    ? "connection timed out after " + Endpoints.seconds(config.timeouts().connect()) + " to " + where
                    : "no TLS handshake within " + Endpoints.seconds(config.timeouts().read()) + " from " + where
                    + " (connection accepted, nothing answered)";
        }
        if (e instanceof SSLException) {
            return "TLS handshake with " + where + " failed: " + e.getMessage();
        }
        return "connecting to " + where + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The Java-WebSocket client; its callbacks run on the client's read thread. */
    private static final class Client extends WebSocketClient {
        private final WsTranscript transcript;
        private final String name;
        private final Function<String, Optional<String>> autoReply;
        private final List<String> inbound = new ArrayList<>();
        private volatile Integer status;
        private volatile String closeReason;
        private volatile String closeDescription;
        private volatile Exception error;

        Client(URI url, Map<String, String> headers, WsTranscript transcript, String name,
               Function<String, Optional<String>> autoReply) {
            super(url, new Draft_6455(), headers, 0);
            this.transcript = transcript;
            this.name = name;
            this.autoReply = autoReply;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            status = (int) handshake.getHttpStatus();
            transcript.record(name, "<", handshake.getHttpStatus() + " " + handshake.getHttpStatusMessage());
        }

        @Override
        public void onMessage(String message) {
            transcript.record(name, "<", message);
            synchronized (inbound) {
                inbound.add(message);
                inbound.notifyAll();
            }
            autoReply.apply(message).ifPresent(reply -> {
                transcript.record(name, ">", reply);
                send(reply);
            });
        }

        @Override
        public void onWebsocketPing(WebSocket connection, Framedata frame) {
            transcript.record(name, "<", "(ping)");
            super.onWebsocketPing(connection, frame);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            Matcher refused = REFUSED_STATUS.matcher(reason == null ? "" : reason);
            boolean upgradeRefused = status == null && refused.find();
            if (upgradeRefused) {
                status = Integer.parseInt(refused.group(1));
            }
            // A refused upgrade's "reason" only repeats the status line; the status says it already.
            closeReason = upgradeRefused ? null : reason;
            closeDescription = "closed with code " + code + (reason == null || reason.isBlank() ? ""
                    : " (" + reason + ")") + (remote ? " by the server" : "");
            transcript.record(name, "x", closeDescription);
            synchronized (inbound) {
                inbound.notifyAll();
            }
        }

        @Override
        public void onError(Exception e) {
            error = e;
        }

        Optional<String> await(Predicate<String> match, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (inbound) {
                while (true) {
                    Optional<String> found = inbound.stream().filter(match).findFirst();
                    long left = deadline - System.nanoTime();
                    if (found.isPresent() || left <= 0 || isClosed()) {
                        return found;
                    }
                    try {
                        inbound.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                }
            }
        }
    }
}
