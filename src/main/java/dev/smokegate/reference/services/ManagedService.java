package dev.smokegate.reference.services;

import java.io.IOException;
import java.util.Optional;

/** A server process the deployment owns and can stop and start again (same port, same data) to simulate outages. */
public interface ManagedService extends AutoCloseable {

    /** Starts a stopped service and returns once it accepts authenticated clients. */
    void start() throws IOException;

    void stop() throws IOException;

    boolean isRunning();

    /** The server's main process while it runs, so callers can verify it is really gone. */
    Optional<ProcessHandle> process();

    /** Stops the process if it runs, as fast as possible; the data is about to be deleted anyway. */
    @Override
    void close() throws IOException;
}
