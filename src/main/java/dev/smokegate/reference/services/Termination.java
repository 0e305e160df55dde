package dev.smokegate.reference.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops a server process the way an orchestrator would: SIGTERM, then SIGKILL after a grace period. */
final class Termination {

    static final Duration GRACE = Duration.ofSeconds(5);

    private Termination() {
    }

    /** Returns once the process is gone; a process that needed SIGKILL is reported with its log tail. */
    static void terminate(Process process, String name, Path log) throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw new IOException(name + " ignored SIGTERM for " + GRACE.toSeconds() + " s and was killed; "
                        + LogTail.of(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while stopping " + name, e);
        }
    }
}
