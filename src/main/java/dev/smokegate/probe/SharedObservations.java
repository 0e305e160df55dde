package dev.smokegate.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The observations of one run by probe key, so that a probe built from other probes' observations (the frontend's
 * bundle and the backend's login redirect, say) gets the very ones the other checks judge instead of fetching them
 * again. The first caller of a key observes on its own thread; later callers wait for that result, until the run's
 * deadline at most. Probes never wait on each other in a cycle: a composite asks only for plain probes.
 */
public final class SharedObservations {

    private final ConcurrentMap<String, CompletableFuture<Object>> byKey = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <O> O observe(ProbeRequest<O> request, ProbeContext context) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = byKey.putIfAbsent(request.key(), mine);
        if (first == null) {
            try {
                O observed = request.probe().observe(context);
                mine.complete(observed);
                return observed;
            } catch (Exception | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            long wait = Math.max(0, Duration.between(Instant.now(), context.runDeadline()).toMillis());
            return (O) first.get(wait, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new TimeoutException("the shared observation \"" + request.key() + "\" was not there by the run's "
                    + "deadline");
        }
    }
}
