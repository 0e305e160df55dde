package dev.smokegate.probe.http;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times one request on the wire and enforces its cap. The cap runs from the moment the first attempt dials, across
 * retries, and closes every socket the request opened when it expires: closing the socket is what ends a read
 * that the per-read timeout would not end (a server trickling bytes, or a stalled body after the headers, which
 * HttpClient reads through a stream its connection manager no longer controls). Latency runs from the dial of the
 * attempt that was answered to its response headers, which keeps the client's own start-up (rest-assured's first
 * request loads Groovy for seconds) out of what checks hold against a budget.
 */
final class WireTimer {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smokegate-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Duration cap;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile long firstDial;
    private volatile long attemptDial;
    private volatile long answered;
    private volatile boolean capped;
    private volatile ScheduledFuture<?> watchdog;

    WireTimer(Duration cap) {
        this.cap = cap;
    }

    /** A socket of this request, closed when the cap expires (at once, if it has). */
    Socket track(Socket socket) {
        sockets.add(socket);
        if (capped) {
            closeQuietly(socket);
        }
        return socket;
    }

    /** A new attempt starts; its answer, if any, is timed from its own dial. */
    void nextAttempt() {
        answered = 0;
        attemptDial = 0;
    }

    void dialling() {
        long now = System.nanoTime();
        attemptDial = now;
        if (firstDial == 0) {
            firstDial = now;
            watchdog = WATCHDOG.schedule(this::expire, cap.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void expire() {
        capped = true;
        sockets.forEach(WireTimer::closeQuietly);
    }

    void answered() {
        answered = System.nanoTime();
    }

    /** The current attempt received a status line and headers. */
    boolean hasAnswer() {
        return answered != 0;
    }

    boolean capped() {
        return capped;
    }

    Optional<Duration> latency() {
        return attemptDial == 0 || answered == 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos(answered - attemptDial));
    }

    /** Time on the wire since the first dial, for requests that ended without an answer. */
    Duration elapsed() {
        return firstDial == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - firstDial);
    }

    void stop() {
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the read it unblocks reports the failure
        }
    }
}
