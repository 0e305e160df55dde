package dev.smokegate.probe.db;

import dev.smokegate.model.Durations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program of the drill (pg_dump, pg_restore, the migrate command) to completion: a clean
 * environment holding only what the drill gives it (credentials by environment, never in argv, where any user of
 * the machine could read them), stdout and stderr captured to a file, and killed, children first, at its deadline.
 */
final class ExternalTool {

    /** Enough of a tool's output to read what went wrong; a chatty tool must not bloat the report. */
    private static final int MAX_OUTPUT = 16 * 1024;
    private static final int MAX_GIST = 300;

    private ExternalTool() {
    }

    /** What a finished tool printed, credentials masked, and how it exited. */
    record Output(String tool, String text, int exitCode, Duration took) {
    }

    /** {@link #run}, where any exit code but 0 fails the step, naming the code and the gist of the output. */
    static Output runToSuccess(String step, List<String> argv, Map<String, String> environment, Path directory,
                               Path log, Instant deadline, OutputScrub scrub) throws StepFailedException,
            InterruptedException, IOException {
        Output output = run(step, argv, environment, directory, log, deadline, scrub);
        if (output.exitCode() != 0) {
            throw new StepFailedException(step, output.tool() + " exited with code " + output.exitCode()
                    + gist(output.text()).map(g -> ": " + g).orElse(""), output.took(), false, output.text());
        }
        return output;
    }

    /**
     * @param step      the drill step, for the failure's message
     * @param log       where the tool's output goes (in the drill's private directory)
     * @param deadline  when the tool is killed; the failure then says it ran out of time
     * @return what it printed and how it exited; only a tool that could not start or was stopped fails the step
     */
    static Output run(String step, List<String> argv, Map<String, String> environment, Path directory, Path log,
                      Instant deadline, OutputScrub scrub) throws StepFailedException, InterruptedException,
            IOException {
        String tool = Path.of(argv.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StepFailedException(step, tool + " could not be started: " + scrub.scrub(
                    String.valueOf(e.getMessage())), Duration.between(started, Instant.now()), false, "");
        }
        boolean finished;
        try {
            finished = process.waitFor(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        Duration took = Duration.between(started, Instant.now());
        if (!finished) {
            kill(process);
            String output = read(log, scrub);
            throw new StepFailedException(step, tool + " did not finish within " + Durations.format(took)
                    + " (the run's deadline) and was stopped", took, true, output);
        }
        return new Output(tool, read(log, scrub), process.exitValue(), took);
    }

    /** The line that says what went wrong: the first naming an error or fatal condition, else the last one. */
    static java.util.Optional<String> gist(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.matches("(?i).*\\b(error|fatal|failed)\\b.*")).findFirst()
                .or(() -> lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lines.get(
                        lines.size() - 1)))
                .map(l -> l.length() > MAX_GIST ? l.substring(0, MAX_GIST) + "..." : l);
    }

    /** The end of the tool's output, where its errors are; a verbose tool's megabytes are never read in full. */
    private static String read(Path log, OutputScrub scrub) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, MAX_OUTPUT));
            channel.position(size - tail.capacity());
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // reads until the buffer is full: the file does not change any more
            }
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
            if (size > MAX_OUTPUT) {
                // The cut line's start is gone, and with it maybe half a password no mask would recognise.
                text = "[... earlier output left out ...]\n" + text.substring(text.indexOf('\n') + 1);
            }
            return scrub.scrub(text);
        }
    }

    /** Children first: a shell's child would otherwise live on with the scratch's credentials. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
