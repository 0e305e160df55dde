package dev.smokegate.probe.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.ConnectTo;
import dev.smokegate.probe.OriginTimeouts;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the TCP connections of one scan: to the connect-to mapping of {@code host:port} when there is one, else to
 * the host itself, with the run's connect and read timeouts. Every connection also has a hard deadline after which a
 * watchdog closes it, so a server that trickles bytes cannot stretch a handshake past its budget.
 */
final class Dialer {

    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(daemon("smokegate-tls-resolve"));
    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(daemon("smokegate-tls-watchdog"));

    private final ConnectTo.Address dial;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private InetAddress address;

    Dialer(ConnectTo.Address dial, Duration connectTimeout, Duration readTimeout) {
        this.dial = dial;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    static Dialer forTarget(String host, int port, EnvironmentConfig config) {
        return new Dialer(config.connectTo().dial(host, port), config.timeouts().connect(), config.timeouts().read());
    }

    /** The address as the run's {@link OriginTimeouts} knows it: TLS is what a scan dials for. */
    OriginTimeouts.Origin origin() {
        return new OriginTimeouts.Origin(true, dial.host(), dial.port());
    }

    /** {@code host:port} as dialled, IPv6 literals in brackets. */
    String dialled() {
        return dial.toString();
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** The longest one connection may live, handshake included. */
    Duration connectionBudget() {
        return connectTimeout.plus(readTimeout);
    }

    /**
     * Resolves the dialled host once per scan, bounded by the connect timeout (the system resolver has no timeout
     * of its own). Failure messages use the report's phrase {@code could not resolve host}.
     */
    InetAddress resolve() throws UnknownHostException {
        if (address != null) {
            return address;
        }
        CompletableFuture<InetAddress> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(dial.host());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }, RESOLVER);
        try {
            address = lookup.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return address;
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException("could not resolve host " + dial.host() + " within "
                    + seconds(connectTimeout));
        } catch (ExecutionException e) {
            throw new UnknownHostException("could not resolve host " + dial.host());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("could not resolve host " + dial.host() + ": interrupted");
        }
    }

    /** A connected socket with the read timeout set, guarded by a watchdog; close the guard to close both. */
    Guarded connect() throws IOException {
        return connect(resolve(), dial.port(), connectTimeout, readTimeout);
    }

    private static Guarded connect(InetAddress address, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        Socket socket = new Socket();
        Guarded guarded = new Guarded(socket, connectTimeout.plus(readTimeout));
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, connectTimeout.toMillis()));
            return guarded;
        } catch (IOException | RuntimeException e) {
            guarded.close();
            throw e;
        }
    }

    /** A socket and the watchdog that closes it at its deadline. */
    static final class Guarded implements Closeable {
        private final Socket socket;
        private final ScheduledFuture<?> watchdog;
        private final AtomicBoolean expired = new AtomicBoolean();

        private Guarded(Socket socket, Duration budget) {
            this.socket = socket;
            this.watchdog = WATCHDOG.schedule(() -> {
                expired.set(true);
                closeQuietly(socket);
            }, budget.toMillis(), TimeUnit.MILLISECONDS);
        }

        Socket socket() {
            return socket;
        }

        /** The watchdog closed the socket: whatever failed afterwards failed because time ran out. */
        boolean expired() {
            return expired.get();
        }

        @Override
        public void close() {
            watchdog.cancel(false);
            closeQuietly(socket);
        }
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
