package dev.smokegate.probe.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times one exchange on the wire, from the moment the client dials to the moment the response headers arrive, and
 * enforces a hard cap on that span. Measuring at the socket keeps the client's own start-up (rest-assured's first
 * request loads Groovy for seconds) out of the latency that checks hold against a budget.
 */
final class WireTimer {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smokegate-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Duration cap;
    private final Runnable onCap;
    private volatile long dialled;
    private volatile long answered;
    private volatile ScheduledFuture<?> watchdog;

    /** @param onCap closes the connections, which unblocks a read the per-read timeout would not end */
    WireTimer(Duration cap, Runnable onCap) {
        this.cap = cap;
        this.onCap = onCap;
    }

    void dialling() {
        if (dialled == 0) {
            dialled = System.nanoTime();
            watchdog = WATCHDOG.schedule(onCap, cap.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void answered() {
        answered = System.nanoTime();
    }

    boolean capped() {
        ScheduledFuture<?> w = watchdog;
        return w != null && w.isDone() && !w.isCancelled();
    }

    Optional<Duration> latency() {
        return dialled == 0 || answered == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(answered - dialled));
    }

    /** Time on the wire so far, for exchanges that ended without an answer. */
    Duration elapsed() {
        return dialled == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - dialled);
    }

    void stop() {
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
    }
}
