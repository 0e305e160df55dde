package dev.smokegate.reference.ws;

import dev.smokegate.reference.services.LogTail;
import dev.smokegate.reference.services.ServerProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final String id;
    private final Process process;
    private final Path log;
    private final long logStart;
    private int httpsPort;
    private int httpPort;

    private SocketIoReplica(String id, Process process, Path log, long logStart) {
        this.id = id;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts the process and returns at once, so several replicas boot in parallel; {@link #awaitListening} waits.
     * stdin stays a pipe on purpose: the script exits when it closes, i.e. when this JVM dies without stopping it.
     */
    static SocketIoReplica launch(String id, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        long logStart = LogTail.mark(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Nothing inherited: NODE_OPTIONS, NODE_EXTRA_CA_CERTS or DEBUG of whoever runs the JVM would change what the
        // replica loads, trusts or logs.
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("IO_REPLICA", id);
        return new SocketIoReplica(id, builder.start(), log, logStart);
    }

    void awaitListening(long deadlineNanos) throws IOException {
        while (true) {
            Matcher listening = LISTENING.matcher(LogTail.since(log, logStart));
            if (listening.find()) {
                httpsPort = Integer.parseInt(listening.group(1));
                httpPort = Integer.parseInt(listening.group(2));
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("Socket.IO replica " + id + " exited with code " + process.exitValue()
                        + " during start; " + LogTail.of(log, logStart));
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IOException("Socket.IO replica " + id + " did not report listening in time; "
                        + LogTail.of(log, logStart));
            }
            ServerProcesses.pause(POLL_INTERVAL, "Socket.IO replica " + id);
        }
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
        return process.toHandle();
    }

    /** SIGTERM now, without waiting: lets several replicas exit in parallel before {@link #stop} waits for each. */
    void signalStop() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL after the grace Redis and nginx get too; returns once the process is gone. */
    void stop() throws IOException {
        ServerProcesses.terminate(process, "Socket.IO replica " + id, log);
    }
}
