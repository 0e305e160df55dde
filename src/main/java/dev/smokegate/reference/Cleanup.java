package dev.smokegate.reference;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a deployment has opened, closed newest first and exactly once, carrying on past failures so one stuck
 * process does not leak the rest. Shared by close(), a failed start() and the JVM shutdown hook.
 */
final class Cleanup {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    synchronized <T extends AutoCloseable> T register(T resource) {
        if (closed) {
            throw new IllegalStateException("already cleaned up");
        }
        resources.push(resource);
        return resource;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** @throws IllegalStateException after closing everything, if anything failed to close */
    synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        IllegalStateException failures = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failures == null) {
                    failures = new IllegalStateException("reference deployment did not shut down cleanly", e);
                } else {
                    failures.addSuppressed(e);
                }
            }
        }
        if (failures != null) {
            throw failures;
        }
    }
}
