package dev.smokegate.probe.ws;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.Ports;
import dev.smokegate.probe.Endpoints;
import dev.smokegate.probe.OriginTimeouts;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TransportError;
import dev.smokegate.probe.TransportRetries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
     * A transport error before any answer is retried as {@link TransportRetries} rules; an address that timed out
     * earlier in the run is not dialled again, and a timeout here tells the rest of the run.
     *
     * @param autoReply answers protocol-level messages the moment they arrive (Socket.IO's ping), or empty
     */
    static WsConnection dial(URI url, String origin, Map<String, String> headers, ProbeContext context,
                             WsTranscript transcript, String name, Function<String, Optional<String>> autoReply) {
        EnvironmentConfig config = context.config();
        long start = System.nanoTime();
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Origin", origin);
        all.put("User-Agent", "smokegate");
        all.putAll(headers);
        transcript.record(name, ">", "GET " + url + " (Origin: " + origin + ")");
        OriginTimeouts.Origin address = OriginTimeouts.Origin.of(url, config);
        Optional<String> earlier = context.originTimeouts().earlier(address);
        if (earlier.isPresent()) {
            String failure = "not connected: " + Endpoints.where(url, config) + " " + earlier.get();
            transcript.record(name, "x", failure);
            return new WsConnection(new Client(url, all, transcript, name, autoReply), new WsHandshake(url, origin,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(failure), since(start),
                    List.of()));
        }
        TransportRetries.Tried<Attempt> tried = TransportRetries.run(config.timeouts().transportRetries(),
                () -> context.originTimeouts().earlier(address).isEmpty(),
                () -> attempt(new Client(url, all, transcript, name, autoReply), context));
        Attempt last = tried.last();
        Optional<String> failure = last.failure().map(WsFailures.Failure::description).map(tried::describe);
        if (last.failure().filter(WsFailures.Failure::timedOut).isPresent()) {
            context.originTimeouts().timedOut(address, "WebSocket upgrade to " + url, failure.get());
        }
        return new WsConnection(last.client(), new WsHandshake(url, origin, last.status(), Optional.empty(),
                last.closeReason(), failure, since(start), tried.retried()));
    }

    /** One try at connecting and upgrading: what the server answered, or why it did not. */
    private record Attempt(Client client, Optional<Integer> status, Optional<String> closeReason,
                           Optional<WsFailures.Failure> failure) implements TransportRetries.Attempt {

        @Override
        public Optional<TransportError> retryable() {
            return failure.flatMap(WsFailures.Failure::transport);
        }
    }

    // setSocket is deprecated for a socket factory, but the socket here is already dialled to the mapped address and
    // through TLS with the public name; handing it over as is keeps that in one place.
    @SuppressWarnings("deprecation")
    private static Attempt attempt(Client client, ProbeContext context) {
        EnvironmentConfig config = context.config();
        URI url = client.getURI();
        Socket socket;
        try {
            socket = connect(url, context);
        } catch (WsFailures.DialFailed e) {
            client.transcript.record(client.name, "x", e.failure().description());
            return new Attempt(client, Optional.empty(), Optional.empty(), Optional.of(e.failure()));
        }
        client.setSocket(socket);
        client.setDaemon(true);
        client.setConnectionLostTimeout(0);
        boolean open;
        long waitStarted = System.nanoTime();
        try {
            open = client.connectBlocking(config.timeouts().read().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
        // Java-WebSocket closes the connection itself when the wait times out, so how long the wait took, not how
        // the connection ended, tells a silent server from one that hung up.
        boolean waitedOut = System.nanoTime() - waitStarted >= config.timeouts().read().toNanos();
        Optional<Integer> status = Optional.ofNullable(client.status);
        Optional<String> closeReason = Optional.ofNullable(open ? null : client.closeReason).filter(r -> !r.isBlank());
        if (open || status.isPresent()) {
            return new Attempt(client, status, closeReason, Optional.empty());
        }
        WsFailures.Failure failure = WsFailures.upgrade(Optional.ofNullable(client.error), waitedOut, url, config);
        client.transcript.record(client.name, "x", failure.description());
        client.close();
        return new Attempt(client, status, closeReason, Optional.of(failure));
    }

    /** The handshake with the app-level outcome added (Socket.IO CONNECT). */
    WsConnection withAppConnect(boolean connected, Optional<String> refusal) {
        return new WsConnection(client, new WsHandshake(handshake.url(), handshake.origin(), handshake.status(),
                Optional.of(connected), refusal.or(handshake::refusal), handshake.failure(), handshake.elapsed(),
                handshake.retries()));
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

    private static Socket connect(URI url, ProbeContext context) throws WsFailures.DialFailed {
        EnvironmentConfig config = context.config();
        boolean secure = "wss".equalsIgnoreCase(url.getScheme());
        int port = Ports.of(url);
        ConnectTo.Address address = config.connectTo().dial(url.getHost(), port);
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(address.host(), address.port()),
                    (int) config.timeouts().connect().toMillis());
        } catch (IOException e) {
            closeQuietly(raw);
            throw new WsFailures.DialFailed(WsFailures.connect(e, url, config));
        }
        if (!secure) {
            return raw;
        }
        try {
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
            closeQuietly(raw);
            throw new WsFailures.DialFailed(WsFailures.tlsHandshake(e, url, config));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the failure that led here is what gets reported
        }
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
