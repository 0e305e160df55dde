package dev.smokegate.reference.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A room client reaching the cluster the way smokegate does: TCP to the port a {@code connectTo} mapping names, TLS
 * for the public host name (trusting only the deployment's root), and an Origin header. It never pings on its own,
 * so a connection it leaves idle stays alive only by the server's pings.
 */
final class RawRoomClient extends WebSocketClient {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Guards {@link #pings}, and is notified on each ping. */
    private final Object pingLock = new Object();
    private int pings;
    private String replica;

    // setSocket is deprecated in favour of a socket factory; a socket already connected to the mapped port (and
    // wrapped in TLS for the public name) is the point here, which the client then uses as given.
    @SuppressWarnings("deprecation")
    private RawRoomClient(URI uri, Socket socket, Optional<String> origin) {
        super(uri);
        setSocket(socket);
        setConnectionLostTimeout(0);
        setDaemon(true);
        origin.ifPresent(value -> addHeader("Origin", value));
    }

    /** {@code wss://host/ws} through {@code port}; empty if the handshake is refused. */
    static Optional<RawRoomClient> tls(String host, int port, SSLContext trust, Optional<String> origin)
            throws IOException, InterruptedException {
        Socket tcp = tcp(port);
        Socket tls = trust.getSocketFactory().createSocket(tcp, host, 443, true);
        return open(new RawRoomClient(URI.create("wss://" + host + "/ws"), tls, origin));
    }

    /** {@code ws://host/ws} through {@code port} (the port-80 mapping); empty if no upgrade happens. */
    static Optional<RawRoomClient> plain(String host, int port, Optional<String> origin)
            throws IOException, InterruptedException {
        return open(new RawRoomClient(URI.create("ws://" + host + "/ws"), tcp(port), origin));
    }

    /** The replica that said hello. */
    String replica() {
        return replica;
    }

    void join(String room) {
        send(frame("join", room).toString());
        expect(frame("joined", room));
    }

    void leave(String room) {
        send(frame("leave", room).toString());
        expect(frame("left", room));
    }

    void say(String room, String body) {
        send(message(room, body).toString());
    }

    /** The next frame received, waiting up to {@link #TIMEOUT}; fails if none comes. */
    JsonNode next() {
        try {
            JsonNode frame = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + TIMEOUT.toMillis() + " ms");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** How many pings the server sent so far (each answered with a pong, as browsers do). */
    int pings() {
        synchronized (pingLock) {
            return pings;
        }
    }

    /** Whether the server has sent {@code count} pings in all by the end of {@code patience}. */
    boolean pingedWithin(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (pingLock) {
            while (pings < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(pingLock, left);
            }
            return true;
        }
    }

    /** Whether the connection ended (either side, or cut in between) within {@code wait}. */
    boolean closesWithin(Duration wait) throws InterruptedException {
        return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ObjectNode frame(String type, String room) {
        return JSON.createObjectNode().put("type", type).put("room", room);
    }

    static ObjectNode message(String room, String body) {
        return frame("message", room).put("body", body);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // The hello that follows is the first frame; open() reads it.
    }

    @Override
    public void onMessage(String text) {
        try {
            received.add(JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("the server sent a frame that is not JSON: " + text, e);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.countDown();
    }

    @Override
    public void onWebsocketPing(WebSocket connection, Framedata ping) {
        synchronized (pingLock) {
            pings++;
            pingLock.notifyAll();
        }
        super.onWebsocketPing(connection, ping);
    }

    @Override
    public void onError(Exception error) {
        // A failed handshake or a cut connection also ends in onClose, which is what the tests look at.
    }

    private void expect(JsonNode frame) {
        JsonNode actual = next();
        if (!actual.equals(frame)) {
            throw new AssertionError("expected " + frame + " but got " + actual);
        }
    }

    private static Optional<RawRoomClient> open(RawRoomClient client) throws InterruptedException {
        if (!client.connectBlocking(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            client.close();
            return Optional.empty();
        }
        JsonNode hello = client.next();
        if (!"hello".equals(hello.path("type").asText())) {
            throw new AssertionError("expected hello first, got " + hello);
        }
        client.replica = hello.path("replica").asText();
        return Optional.of(client);
    }

    private static Socket tcp(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), (int) TIMEOUT.toMillis());
        return socket;
    }
}
