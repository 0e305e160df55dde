package dev.smokegate.reference.ws;

import static dev.smokegate.reference.net.LoopbackListener.closeQuietly;
import static dev.smokegate.reference.net.LoopbackListener.daemon;

import dev.smokegate.reference.net.LoopbackListener;
import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A layer-4 load balancer on loopback, the way Railway's edge spreads connections over replicas: each new TCP
 * connection goes to the next backend port in turn, bytes are copied both ways untouched (TLS ends at the
 * replicas). Two switches break it the way real proxies break: {@link #blackhole} accepts connections and never
 * answers, {@link #idleTimeout} cuts connections that carried no bytes for a while.
 */
public final class TcpBalancer implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final LoopbackListener listener;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reaper;
    private volatile List<Integer> backends;
    private volatile boolean blackhole;
    private volatile Optional<Duration> idleTimeout = Optional.empty();

    private TcpBalancer(String name, List<Integer> backends) throws IOException {
        this.name = name;
        this.backends = List.copyOf(backends);
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-idle-reaper"));
        reaper.scheduleWithFixedDelay(this::reapIdle, 200, 200, TimeUnit.MILLISECONDS);
        // Last: from here on connections arrive, and everything they use is set.
        this.listener = LoopbackListener.start(name, this::accepted);
    }

    /** Listens on a free loopback port and forwards to {@code backends} (loopback ports), in turn. */
    public static TcpBalancer start(String name, List<Integer> backends) throws IOException {
        requireBackends(backends);
        return new TcpBalancer(name, backends);
    }

    public int port() {
        return listener.port();
    }

    /** Where new connections go from now on; open connections stay where they are. */
    public void backends(List<Integer> ports) {
        requireBackends(ports);
        backends = List.copyOf(ports);
    }

    private static void requireBackends(List<Integer> ports) {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a balancer needs at least one backend port");
        }
    }

    /** While on, connections are accepted and then left silent: no byte is read, forwarded or answered. */
    public void blackhole(boolean on) {
        blackhole = on;
        if (!on) {
            held.forEach(LoopbackListener::closeQuietly);
            held.clear();
        }
    }

    /** Cuts every connection that carried no byte in either direction for {@code timeout}; empty turns it off. */
    public void idleTimeout(Optional<Duration> timeout) {
        idleTimeout = timeout;
    }

    /** How many connections are open through the balancer now (held silent ones included). */
    public int openConnections() {
        return pairs.size() + held.size();
    }

    @Override
    public void close() {
        listener.close();
        reaper.shutdownNow();
        held.forEach(LoopbackListener::closeQuietly);
        pairs.forEach(Pair::close);
    }

    private void accepted(Socket client) {
        if (blackhole) {
            held.add(client);
        } else {
            daemon(() -> forward(client), name + "-connect").start();
        }
    }

    private void forward(Socket client) {
        List<Integer> ports = backends;
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(Loopback.ADDRESS, port), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            closeQuietly(upstream);
            closeQuietly(client);
            return;
        }
        Pair pair = new Pair(client, upstream);
        pairs.add(pair);
        daemon(() -> pump(pair, client, upstream), name + "-up").start();
        daemon(() -> pump(pair, upstream, client), name + "-down").start();
    }

    private void pump(Pair pair, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
                pair.touch();
            }
        } catch (IOException expectedOnClose) {
            // One side closed or was cut; closing the pair ends the other pump too.
        } finally {
            pair.close();
            pairs.remove(pair);
        }
    }

    private void reapIdle() {
        idleTimeout.ifPresent(limit -> {
            long now = System.nanoTime();
            pairs.stream().filter(p -> now - p.lastActivity > limit.toNanos()).forEach(p -> {
                p.close();
                pairs.remove(p);
            });
        });
    }

    /** A client connection and its upstream; activity in either direction keeps both alive. */
    private static final class Pair {
        private final Socket client;
        private final Socket upstream;
        private volatile long lastActivity = System.nanoTime();

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void touch() {
            lastActivity = System.nanoTime();
        }

        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }
}
