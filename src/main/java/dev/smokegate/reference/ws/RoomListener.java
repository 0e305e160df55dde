package dev.smokegate.reference.ws;

import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * One port of a replica (TLS, or plain for {@link WsFault#PLAINTEXT_SERVED}) on a free loopback port. It guards the
 * handshake (path {@code /ws}, the allowed Origin) and hands open connections to the replica's {@link Handler}.
 */
final class RoomListener extends WebSocketServer {

    /** What the replica does with connections that passed the handshake. */
    interface Handler {
        void opened(WebSocket connection);

        void received(WebSocket connection, String text);

        void closed(WebSocket connection);
    }

    static final String PATH = "/ws";
    static final int KEEPALIVE_SECONDS = 2;
    /** The library defaults to one decoder thread per CPU, more than a loopback replica ever needs. */
    private static final int DECODERS = 2;
    private static final int STOP_TIMEOUT_MILLIS = 1000;

    static {
        // SSLSocketChannel2 asserts an SSLEngine state that the JDK's TLS 1.3 engine leaves when a connection ends
        // (Java-WebSocket #190, "assert ... != NOT_HANDSHAKING"). Under -ea, as in every surefire run, the
        // AssertionError kills the listener's selector thread and with it the replica; without assertions the library
        // carries on and closes the connection. Must run before the library first wraps a TLS connection.
        WebSocketServer.class.getClassLoader()
                .setClassAssertionStatus("org.java_websocket.SSLSocketChannel2", false);
    }

    private final Handler handler;
    private final String allowedOrigin;
    private final Set<WsFault> faults;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private RoomListener(Handler handler, String allowedOrigin, Set<WsFault> faults) {
        super(new InetSocketAddress(Loopback.ADDRESS, 0), DECODERS, List.<Draft>of(new RoomDraft()));
        this.handler = handler;
        this.allowedOrigin = allowedOrigin;
        this.faults = faults;
        setDaemon(true);
        setConnectionLostTimeout(KEEPALIVE_SECONDS);
    }

    static RoomListener tls(Handler handler, SSLContext context, String allowedOrigin, Set<WsFault> faults) {
        RoomListener listener = new RoomListener(handler, allowedOrigin, faults);
        listener.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(context));
        return listener;
    }

    static RoomListener plain(Handler handler, String allowedOrigin, Set<WsFault> faults) {
        return new RoomListener(handler, allowedOrigin, faults);
    }

    /** Waits until the port is bound ({@link #start()} binds on its own thread). */
    void awaitStarted(Duration timeout) throws IOException {
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("WebSocket listener failed to start", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("WebSocket listener did not start within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a WebSocket listener", e);
        }
    }

    /** Closes every connection and the port; idempotent. */
    void shutdown() {
        try {
            stop(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket connection, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        Optional<RoomRefusal> refusal = refusal(request);
        if (refusal.isPresent()) {
            connection.setAttachment(refusal.get());
            return refusal.get();
        }
        return super.onWebsocketHandshakeReceivedAsServer(connection, draft, request);
    }

    /**
     * A refused connection is opened by the library all the same (it wrote our error as its handshake response);
     * it never becomes a member: it is closed as soon as the response is flushed, without a close frame.
     */
    @Override
    protected boolean addConnection(WebSocket connection) {
        if (connection.getAttachment() instanceof RoomRefusal) {
            ((WebSocketImpl) connection).flushAndClose(CloseFrame.POLICY_VALIDATION, "handshake refused", false);
            return false;
        }
        return super.addConnection(connection);
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        handler.opened(connection);
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        handler.received(connection, text);
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        handler.closed(connection);
    }

    /** Errors on a connection are followed by its close; without one the server itself failed (e.g. to bind). */
    @Override
    public void onError(WebSocket connection, Exception error) {
        if (connection == null) {
            started.completeExceptionally(error);
        }
    }

    private Optional<RoomRefusal> refusal(ClientHandshake request) {
        String path = request.getResourceDescriptor().split("\\?", 2)[0];
        if (!PATH.equals(path)) {
            return Optional.of(RoomRefusal.notFound());
        }
        boolean originChecked = !faults.contains(WsFault.ORIGIN_NOT_CHECKED);
        if (originChecked && !allowedOrigin.equals(request.getFieldValue("Origin"))) {
            return Optional.of(RoomRefusal.forbidden());
        }
        return Optional.empty();
    }
}
