package dev.smokegate.reference.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the server fixtures (Redis, nginx) do alike with their processes: wait for them, and stop them. */
public final class ServerProcesses {

    static final Duration GRACE = Duration.ofSeconds(5);

    private ServerProcesses() {
    }

    /** One poll interval while waiting for {@code name} to become ready; an interrupt ends the wait. */
    public static void pause(Duration duration, String name) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name, e);
        }
    }

    /**
     * Stops a process the way an orchestrator would: SIGTERM, then SIGKILL after {@link #GRACE}. Returns once the
     * process is gone; one that needed SIGKILL is reported with its log tail.
     */
    public static void terminate(Process process, String name, Path log) throws IOException {
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
