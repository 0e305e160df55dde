package dev.smokegate.reference.services;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs short-lived tools (initdb, pg_ctl, psql) to completion, with a deadline and their output kept in a log. */
public final class Commands {

    private Commands() {
    }

    /**
     * @param what  names the step in error messages, e.g. "initdb"
     * @param stdin fed to the command and closed; never logged, so it may carry secrets
     */
    public static void run(String what, ProcessBuilder command, Path log, Duration timeout, String stdin) throws IOException {
        long logStart = LogTail.mark(log);
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = command.start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new IOException(what + " interrupted", e);
        }
        if (!finished) {
            kill(process);
            throw new IOException(what + " did not finish within " + timeout.toMillis() + " ms; "
                    + LogTail.of(log, logStart));
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed with exit code " + process.exitValue() + "; "
                    + LogTail.of(log, logStart));
        }
    }

    public static void run(String what, ProcessBuilder command, Path log, Duration timeout) throws IOException {
        run(what, command, log, timeout, "");
    }

    /** Children first: SIGKILL cannot be relayed, so killing only runuser would orphan the real tool. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
