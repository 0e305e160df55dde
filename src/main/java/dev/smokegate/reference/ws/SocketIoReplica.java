package dev.smokegate.reference.ws;

import dev.smokegate.reference.services.NodeProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code node socketio-server.js} process. It is ready once it prints its listening line, which the script
 * prints only after its Redis adapter is subscribed; the ports it bound are read from that line.
 */
final class SocketIoReplica {

    private static final Pattern LISTENING =
            Pattern.compile("^listening replica=\\S+ https=(\\d+) http=(\\d+)", Pattern.MULTILINE);

    private final NodeProcess process;
    private int httpsPort;
    private int httpPort;

    private SocketIoReplica(NodeProcess process) {
        this.process = process;
    }

    /** Starts the process and returns at once, so several replicas boot in parallel; {@link #awaitListening} waits. */
    static SocketIoReplica launch(String id, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Map<String, String> withId = new java.util.HashMap<>(environment);
        withId.put("IO_REPLICA", id);
        return new SocketIoReplica(NodeProcess.launch("Socket.IO replica " + id, command, withId, log));
    }

    void awaitListening(long deadlineNanos) throws IOException {
        Matcher listening = process.awaitLine(LISTENING, deadlineNanos);
        httpsPort = Integer.parseInt(listening.group(1));
        httpPort = Integer.parseInt(listening.group(2));
    }

    int httpsPort() {
        return httpsPort;
    }

    /** The plain HTTP port, present only while the replica runs with {@link WsFault#PLAINTEXT_SERVED}. */
    OptionalInt httpPort() {
        return httpPort == 0 ? OptionalInt.empty() : OptionalInt.of(httpPort);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.handle();
    }

    /** SIGTERM now, without waiting: lets several replicas exit in parallel before {@link #stop} waits for each. */
    void signalStop() {
        process.signalStop();
    }

    /** SIGTERM, then SIGKILL after the grace Redis and nginx get too; returns once the process is gone. */
    void stop() throws IOException {
        process.stop();
    }
}
