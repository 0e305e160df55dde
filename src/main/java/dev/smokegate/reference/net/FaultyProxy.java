package dev.smokegate.reference.net;

import static dev.smokegate.reference.net.LoopbackListener.closeQuietly;
import static dev.smokegate.reference.net.LoopbackListener.daemon;

import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that breaks connections the way a bad network edge does ({@link ProxyFaults}): it adds
 * latency with jitter, resets some connections, blackholes all of them, or stalls after a number of bytes. It
 * copies bytes untouched, so TLS ends at the upstream server. The self-tests put it between the probes and a
 * server; {@code bench/jitter.sh} and {@code bench/blackhole.sh} run {@link #main} in front of the reference
 * deployment.
 *
 * <p>A reset happens before the connection carries a byte back: the proxy reads what the client sends first (a
 * ClientHello, a request), never forwards it, and closes with RST. That is the one kind of transport error the
 * probes may retry, so a run through this proxy shows whether retries hide exactly that and nothing else.
 */
public final class FaultyProxy implements AutoCloseable {

    private static final Duration UPSTREAM_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a connection about to be reset waits for the client's first bytes. */
    private static final Duration FIRST_BYTES_WAIT = Duration.ofSeconds(2);
    private static final int CHUNK = 16 * 1024;

    private final String name;
    private final LoopbackListener listener;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger certainResets = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private volatile ProxyFaults faults;

    private FaultyProxy(String name, InetSocketAddress upstream, ProxyFaults faults) throws IOException {
        this.name = name;
        this.upstream = upstream;
        faults(faults);
        // Last: from here on connections arrive, and everything they use is set.
        this.listener = LoopbackListener.start(name, this::accepted);
    }

    /** Listens on a free loopback port and forwards each connection to {@code upstream}, mistreated by {@code faults}. */
    public static FaultyProxy start(String name, InetSocketAddress upstream, ProxyFaults faults) throws IOException {
        return new FaultyProxy(name, upstream, faults);
    }

    public int port() {
        return listener.port();
    }

    /** The faults for connections accepted from now on; open connections keep theirs. */
    public void faults(ProxyFaults faults) {
        this.faults = faults;
        certainResets.set(faults.resetFirst());
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Connections reset so far. */
    public int resets() {
        return resets.get();
    }

    @Override
    public void close() {
        listener.close();
        open.forEach(LoopbackListener::closeQuietly);
        open.clear();
    }

    private void accepted(Socket client) {
        connections.incrementAndGet();
        ProxyFaults current = faults;
        open.add(client);
        if (!current.blackhole()) {
            daemon(() -> serve(client, current), name + "-connection").start();
        }
    }

    private void serve(Socket client, ProxyFaults current) {
        if (certainResets.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || ThreadLocalRandom.current().nextDouble() < current.resetProbability()) {
            reset(client);
            return;
        }
        Socket server = new Socket();
        open.add(server);
        try {
            server.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            server.connect(upstream, (int) UPSTREAM_CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            abort(client); // as an edge without a backend does
            closeQuietly(server);
            return;
        }
        Connection connection = new Connection(client, server);
        connection.pipe(client, server, current, Long.MAX_VALUE, name + "-up");
        connection.pipe(server, client, current, current.stallAfterBytes().orElse(Long.MAX_VALUE), name + "-down");
    }

    /** Takes the client's first bytes and answers with RST, as a dying edge does. */
    private void reset(Socket client) {
        resets.incrementAndGet();
        try {
            client.setSoTimeout((int) FIRST_BYTES_WAIT.toMillis());
            client.getInputStream().read(new byte[CHUNK]);
        } catch (IOException ignored) {
            // reset regardless
        }
        abort(client);
    }

    private void abort(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closing still ends the connection
        }
        closeQuietly(client);
        open.remove(client);
    }

    /** A client and its upstream connection; each direction runs through its own delay line. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger directionsOpen = new AtomicInteger(2);

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /**
         * Copies {@code from} to {@code to}: a reader queues each chunk with the time it is due (its arrival plus a
         * random one-way delay, never before the chunk ahead of it), a writer sends it then. After {@code limit}
         * bytes the writer sends nothing more and leaves the client waiting.
         */
        void pipe(Socket from, Socket to, ProxyFaults current, long limit, String threadName) {
            BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
            daemon(() -> read(from, line, current), threadName + "-read").start();
            daemon(() -> write(line, to, limit), threadName + "-write").start();
        }

        private void read(Socket from, BlockingQueue<Chunk> line, ProxyFaults current) {
            long due = 0;
            try {
                InputStream in = from.getInputStream();
                byte[] buffer = new byte[CHUNK];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    due = Math.max(due, System.nanoTime() + oneWayDelay(current));
                    line.add(new Chunk(Arrays.copyOf(buffer, read), due));
                }
                line.add(new Chunk(null, Math.max(due, System.nanoTime() + oneWayDelay(current))));
            } catch (IOException e) {
                line.add(Chunk.BROKEN);
            }
        }

        private void write(BlockingQueue<Chunk> line, Socket to, long limit) {
            long left = limit;
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = line.take();
                    if (chunk == Chunk.BROKEN) {
                        closeBoth();
                        return;
                    }
                    long wait = chunk.due() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == null) {
                        if (left > 0) {
                            to.shutdownOutput(); // a stalled direction leaves the client waiting instead
                        }
                        finished();
                        return;
                    }
                    int send = (int) Math.min(left, chunk.bytes().length);
                    if (send > 0) {
                        out.write(chunk.bytes(), 0, send);
                        out.flush();
                        left -= send;
                    }
                }
            } catch (IOException e) {
                closeBoth();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeBoth();
            }
        }

        private void finished() {
            if (directionsOpen.decrementAndGet() == 0) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
        }
    }

    private record Chunk(byte[] bytes, long due) {
        static final Chunk BROKEN = new Chunk(new byte[0], 0);
    }

    private static long oneWayDelay(ProxyFaults faults) {
        long min = faults.minLatency().toNanos() / 2;
        long max = faults.maxLatency().toNanos() / 2;
        return max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }

    static final String USAGE = String.join("\n",
            "usage: FaultyProxy [--latency-ms MIN-MAX] [--reset PROBABILITY] [--blackhole] [--stall-after BYTES]",
            "                   UPSTREAM-HOST:PORT...",
            "Starts one proxy per upstream on a free loopback port and prints 'UPSTREAM -> 127.0.0.1:PORT' for each;",
            "on SIGTERM prints how many connections it took and reset.");

    /** For the benchmark scripts: proxies in front of the given upstreams until the process is stopped. */
    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        ProxyFaults faults = ProxyFaults.NONE;
        List<String> upstreams = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--latency-ms" -> {
                    String[] range = args[++i].split("-", 2);
                    faults = faults.withLatency(Duration.ofMillis(Long.parseLong(range[0])),
                            Duration.ofMillis(Long.parseLong(range[range.length - 1])));
                }
                case "--reset" -> faults = faults.withResetProbability(Double.parseDouble(args[++i]));
                case "--blackhole" -> faults = faults.withBlackhole(true);
                case "--stall-after" -> faults = faults.withStallAfter(Long.parseLong(args[++i]));
                default -> {
                    if (args[i].startsWith("-") || !args[i].contains(":")) {
                        System.err.println(USAGE);
                        System.exit(2);
                    }
                    upstreams.add(args[i]);
                }
            }
        }
        List<FaultyProxy> proxies = new ArrayList<>();
        for (String upstream : upstreams) {
            int colon = upstream.lastIndexOf(':');
            FaultyProxy proxy = start("faulty-proxy", new InetSocketAddress(upstream.substring(0, colon),
                    Integer.parseInt(upstream.substring(colon + 1))), faults);
            proxies.add(proxy);
            out.println(upstream + " -> " + Loopback.HOST + ":" + proxy.port());
        }
        out.println("faulty proxy ready");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("faulty proxy: " + proxies.stream().mapToInt(FaultyProxy::connections).sum()
                    + " connections, " + proxies.stream().mapToInt(FaultyProxy::resets).sum() + " reset");
            out.flush();
            proxies.forEach(FaultyProxy::close);
        }));
        Thread.currentThread().join();
    }
}
