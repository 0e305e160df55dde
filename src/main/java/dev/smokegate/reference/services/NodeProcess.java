package dev.smokegate.reference.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code node SCRIPT} process of the reference deployment, logging to a file. It is ready once it prints the
 * line its script prints when it serves; what that line says (the ports it bound) is read from it.
 */
public final class NodeProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final String name;
    private final Process process;
    private final Path log;
    private final long logStart;

    private NodeProcess(String name, Process process, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts the process and returns at once, so several boot in parallel; {@link #awaitLine} waits. Only
     * {@code environment} reaches it. stdin stays a pipe on purpose: the scripts exit when it closes, i.e. when this
     * JVM dies without stopping them.
     *
     * @param name what the process is, for messages ("Socket.IO replica io-1")
     */
    public static NodeProcess launch(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        long logStart = LogTail.mark(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Nothing inherited: NODE_OPTIONS, NODE_EXTRA_CA_CERTS or DEBUG of whoever runs the JVM would change what the
        // script loads, trusts or logs.
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new NodeProcess(name, builder.start(), log, logStart);
    }

    /** Waits until the process has logged a line {@code ready} finds (compile it MULTILINE); returns the match. */
    public Matcher awaitLine(Pattern ready, long deadlineNanos) throws IOException {
        while (true) {
            Matcher matcher = ready.matcher(LogTail.since(log, logStart));
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " during start; "
                        + LogTail.of(log, logStart));
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IOException(name + " did not report listening in time; " + LogTail.of(log, logStart));
            }
            ServerProcesses.pause(POLL_INTERVAL, name);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM now, without waiting: lets several processes exit in parallel before {@link #stop} waits for each. */
    public void signalStop() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL after the grace Redis and nginx get too; returns once the process is gone. */
    public void stop() throws IOException {
        ServerProcesses.terminate(process, name, log);
    }
}
