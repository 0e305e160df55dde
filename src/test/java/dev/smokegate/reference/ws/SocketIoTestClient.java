package dev.smokegate.reference.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A minimal Socket.IO client speaking Engine.IO v4 over Java-WebSocket by hand, on a connection the test opened
 * (so it goes exactly where the test sends it): answers pings, connects to namespace {@code /}, records events.
 */
final class SocketIoTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(10);

    /** One {@code 42["name", args...]} packet. */
    record Event(String name, List<JsonNode> args) {

        JsonNode arg() {
            return args.get(0);
        }
    }

    private final CompletableFuture<JsonNode> open = new CompletableFuture<>();
    private final CompletableFuture<JsonNode> connected = new CompletableFuture<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    /** Completed by the acknowledgement of the join in progress; a fresh one for each join. */
    private volatile CompletableFuture<JsonNode> ack = new CompletableFuture<>();
    private final WebSocketClient socket;

    private SocketIoTestClient(URI url, String origin) {
        socket = new WebSocketClient(url, Map.of("Origin", origin)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                // Engine.IO speaks first: its open packet follows.
            }

            @Override
            public void onMessage(String packet) {
                receive(packet);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                IOException closed = new IOException("closed (" + code + "): " + reason);
                open.completeExceptionally(closed);
                connected.completeExceptionally(closed);
            }

            @Override
            public void onError(Exception e) {
                open.completeExceptionally(e);
                connected.completeExceptionally(e);
            }
        };
    }

    /** Engine.IO and Socket.IO handshakes over {@code transport} (already connected), up to the server's hello. */
    static SocketIoTestClient connect(Socket transport, String host, String origin) throws IOException {
        SocketIoTestClient client = new SocketIoTestClient(
                URI.create("wss://" + host + "/socket.io/?EIO=4&transport=websocket"), origin);
        client.socket.setSocketFactory(new AlreadyConnected(transport));
        try {
            if (!client.socket.connectBlocking(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("WebSocket handshake failed");
            }
            await(client.connected);
            client.await(e -> e.name().equals("hello"));
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new IOException("interrupted", e);
        }
    }

    /** The Engine.IO open packet, e.g. {@code {"sid":..,"pingInterval":2000,..}}. */
    JsonNode openPacket() throws IOException {
        return await(open);
    }

    String replica() {
        return events.stream().filter(e -> e.name().equals("hello")).findFirst().orElseThrow()
                .arg().get("replica").asText();
    }

    void emit(String event, Object... args) {
        socket.send("42" + packet(event, args));
    }

    /** Joins with an acknowledgement and returns what the server acknowledged. */
    JsonNode join(String room) throws IOException {
        CompletableFuture<JsonNode> acknowledged = new CompletableFuture<>();
        ack = acknowledged;
        socket.send("421" + packet("join", room));
        return await(acknowledged);
    }

    Event await(Predicate<Event> wanted) throws IOException {
        return receivedWithin(wanted, TIMEOUT)
                .orElseThrow(() -> new IOException("no matching event within " + TIMEOUT + "; got " + events));
    }

    /** Every event received before the first one that {@code marker} accepts, waiting for it as {@link #await} does. */
    List<Event> receivedBefore(Predicate<Event> marker) throws IOException {
        Event found = await(marker);
        List<Event> all = List.copyOf(events);
        return all.subList(0, all.indexOf(found));
    }

    /** The first event so far or within {@code patience} that {@code wanted} accepts. */
    Optional<Event> receivedWithin(Predicate<Event> wanted, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            Optional<Event> found = events.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        } while (System.nanoTime() - deadline < 0);
        return Optional.empty();
    }

    static Predicate<Event> message(String body) {
        return e -> e.name().equals("message") && body.equals(e.arg().path("body").asText());
    }

    @Override
    public void close() {
        try {
            socket.closeBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(String packet) {
        try {
            if (packet.startsWith("0")) {
                open.complete(JSON.readTree(packet.substring(1)));
                socket.send("40");
            } else if (packet.equals("2")) {
                socket.send("3");
            } else if (packet.startsWith("40")) {
                connected.complete(JSON.readTree(packet.substring(2)));
            } else if (packet.startsWith("44")) {
                connected.completeExceptionally(new IOException("namespace refused: " + packet));
            } else if (packet.startsWith("431")) {
                ack.complete(JSON.readTree(packet.substring(3)).get(0));
            } else if (packet.startsWith("42")) {
                ArrayNode array = (ArrayNode) JSON.readTree(packet.substring(2));
                List<JsonNode> args = new ArrayList<>();
                array.forEach(args::add);
                events.add(new Event(args.remove(0).asText(), List.copyOf(args)));
            }
        } catch (IOException e) {
            connected.completeExceptionally(e);
        }
    }

    private static String packet(String event, Object... args) {
        ArrayNode array = JSON.createArrayNode().add(event);
        for (Object arg : args) {
            array.add(JSON.valueToTree(arg));
        }
        return array.toString();
    }

    /** Hands Java-WebSocket the connection the test made (its non-deprecated way to take one). */
    private static final class AlreadyConnected extends SocketFactory {
        private final Socket socket;

        AlreadyConnected(Socket socket) {
            this.socket = socket;
        }

        @Override
        public Socket createSocket() {
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("the connection is made by the test");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("the connection is made by the test");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("the connection is made by the test");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("the connection is made by the test");
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
