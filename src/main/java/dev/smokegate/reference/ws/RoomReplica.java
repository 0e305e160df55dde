package dev.smokegate.reference.ws;

import dev.smokegate.reference.ws.RoomProtocol.Command;
import dev.smokegate.reference.ws.RoomProtocol.Join;
import dev.smokegate.reference.ws.RoomProtocol.Leave;
import dev.smokegate.reference.ws.RoomProtocol.MalformedCommand;
import dev.smokegate.reference.ws.RoomProtocol.Send;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One replica of the rooms backend, as one container of an autoscaled service: a TLS port, a plain port (reachable
 * only through {@link WsFault#PLAINTEXT_SERVED}) sharing its rooms, and a {@link RoomBus} to the other replicas.
 * Faults are read from the cluster's switches on every handshake and message.
 */
final class RoomReplica implements RoomListener.Handler, AutoCloseable {

    private final String id;
    private final Set<WsFault> faults;
    private final RoomMembers members = new RoomMembers();
    private final RoomListener tls;
    private final RoomListener plain;
    private final RoomBus bus;

    private RoomReplica(String id, ClusterMaterial material, SSLContext tlsContext, Set<WsFault> faults) {
        this.id = id;
        this.faults = faults;
        this.tls = RoomListener.tls(this, tlsContext, material.allowedOrigin(), faults);
        this.plain = RoomListener.plain(this, material.allowedOrigin(), faults);
        this.bus = new RoomBus(material.host() + "-" + id, material.redis(), material.root(), this::deliver);
    }

    /** Starts binding both ports and subscribing, without waiting: see {@link #awaitReady}. */
    static RoomReplica launch(String id, ClusterMaterial material, SSLContext tlsContext, Set<WsFault> faults) {
        RoomReplica replica = new RoomReplica(id, material, tlsContext, faults);
        try {
            replica.tls.start();
            replica.plain.start();
            replica.bus.start();
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    void awaitReady(Duration timeout) throws IOException {
        tls.awaitStarted(timeout);
        plain.awaitStarted(timeout);
        awaitSubscribed(timeout);
    }

    /** Returns once this replica hears the others' messages, e.g. after Redis came back. */
    void awaitSubscribed(Duration timeout) throws IOException {
        bus.awaitSubscribed(timeout);
    }

    int tlsPort() {
        return tls.getPort();
    }

    int plainPort() {
        return plain.getPort();
    }

    /** Pings every {@value RoomListener#KEEPALIVE_SECONDS} s when on; nothing at all when off. */
    void keepAlive(boolean on) {
        int seconds = on ? RoomListener.KEEPALIVE_SECONDS : 0;
        tls.setConnectionLostTimeout(seconds);
        plain.setConnectionLostTimeout(seconds);
    }

    /** Ends the unencrypted sessions a {@link WsFault#PLAINTEXT_SERVED} edge let in. */
    void closePlaintextConnections() {
        plain.getConnections().forEach(connection -> connection.close(CloseFrame.GOING_AWAY));
    }

    @Override
    public void opened(WebSocket connection) {
        send(connection, RoomProtocol.hello(id));
    }

    @Override
    public void received(WebSocket connection, String text) {
        Command command;
        try {
            command = RoomProtocol.parse(text);
        } catch (MalformedCommand e) {
            send(connection, RoomProtocol.error(e.getMessage()));
            return;
        }
        if (command instanceof Join) {
            members.join(command.room(), connection);
            send(connection, RoomProtocol.joined(command.room()));
        } else if (command instanceof Leave) {
            members.leave(command.room(), connection);
            send(connection, RoomProtocol.left(command.room()));
        } else if (command instanceof Send message) {
            share(connection, message);
        }
    }

    @Override
    public void closed(WebSocket connection) {
        members.leaveAll(connection);
    }

    @Override
    public void close() {
        // Ports first, so nothing new arrives while the bus goes away; side by side, as each stop waits for its
        // selector thread to wind down.
        Stream.of(tls, plain).parallel().forEach(RoomListener::shutdown);
        bus.close();
    }

    private void share(WebSocket sender, Send message) {
        if (faults.contains(WsFault.SLOW_MESSAGES)) {
            java.util.concurrent.CompletableFuture.delayedExecutor(WsFault.SLOW_DELIVERY.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> publish(sender, message));
        } else {
            publish(sender, message);
        }
    }

    private void publish(WebSocket sender, Send message) {
        String payload = RoomProtocol.message(message.room(), message.body());
        if (faults.contains(WsFault.REPLICAS_NOT_SHARING_REDIS)) {
            deliver(message.room(), payload);
            return;
        }
        try {
            bus.publish(message.room(), payload);
        } catch (JedisException e) {
            send(sender, RoomProtocol.error("message not delivered: Redis unavailable"));
        }
    }

    /** Runs on the Redis subscriber thread too, which must survive anything a client connection does. */
    private void deliver(String room, String payload) {
        Collection<WebSocket> recipients = faults.contains(WsFault.BROADCAST_OUTSIDE_ROOM)
                ? Stream.concat(tls.getConnections().stream(), plain.getConnections().stream()).toList()
                : members.of(room);
        recipients.forEach(connection -> send(connection, payload));
    }

    private static void send(WebSocket connection, String text) {
        try {
            connection.send(text);
        } catch (WebsocketNotConnectedException closedMeanwhile) {
            // It left between lookup and send; its close removes it from every room.
        }
    }
}
