package dev.smokegate.report;

import dev.smokegate.config.SmokegateHome;
import dev.smokegate.model.Excerpt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns {@code allure-results/} into one self-contained {@code index.html} that opens offline from a CI artifact
 * or an e-mail, using the Allure 2 command line pinned in the repository's {@code package.json}
 * ({@code npm ci} puts it in {@code node_modules/}; it runs on the JDK that runs smokegate, Node is not needed).
 *
 * <p>Why Allure 2 and not the npm {@code allure} 3.x: Allure 3's single-file "awesome" report embeds a Google
 * Analytics tag that no option turns off (a report about a production deployment must not call out when opened),
 * while Allure 2 honours {@code ALLURE_NO_ANALYTICS}; Allure 2 also reads our {@code categories.json},
 * {@code environment.properties} and {@code history/} natively, and is one package without dependencies.
 *
 * <p>Allure 2 writes no {@code history/} directory in single-file mode, but it computes the history all the same
 * and embeds it in {@code index.html}, like every other data file, as {@code d('history/<file>.json','<base64>')}.
 * {@link SingleFileReport} takes it out into {@code outputDir/history}, where {@link AllureHistory} finds it next run:
 * one Allure process, not a second report generated only for its history (bench/gate.sh: the HTML report added
 * 3.5 s to the gate with two processes, 1.5 s with one).
 *
 * <p>A missing or failing tool never fails the run: {@link Result#problem()} says why there is no report, and the
 * caller prints that line and carries on with the same exit code.
 */
public final class AllureHtmlReport {

    /** System property naming the Allure launcher script explicitly (otherwise found under node_modules/). */
    public static final String LAUNCHER_PROPERTY = "smokegate.allure";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private static final Path LAUNCHER_IN_PROJECT = Path.of("node_modules", "allure-commandline", "dist", "bin");
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    /** A short-lived JVM: the C1 compiler alone starts faster and cut generation from about 3 s to 2 s here. */
    private static final String FAST_START_OPTS = "-XX:TieredStopAtLevel=1 -Djava.awt.headless=true";

    private final Optional<Path> launcher;
    private final String notFound;

    private AllureHtmlReport(Optional<Path> launcher, String notFound) {
        this.launcher = launcher;
        this.notFound = notFound;
    }

    /** What {@link #render} produced. Without an index there is a one-line {@code problem}. */
    public record Result(Optional<Path> index, Optional<Path> history, Optional<String> problem) {

        static Result failed(String problem) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(problem));
        }

        public boolean generated() {
            return index.isPresent();
        }
    }

    /** Uses this launcher script ({@code .../allure-commandline/dist/bin/allure}). */
    public static AllureHtmlReport at(Path launcher) {
        return Files.isRegularFile(launcher)
                ? new AllureHtmlReport(Optional.of(launcher), "")
                : new AllureHtmlReport(Optional.empty(), "Allure launcher " + launcher + " does not exist");
    }

    /** Uses the Allure command line that {@code npm ci} installed under {@code projectDir/node_modules}. */
    public static AllureHtmlReport inProject(Path projectDir) {
        Path launcher = projectDir.resolve(LAUNCHER_IN_PROJECT).resolve(launcherName());
        return Files.isRegularFile(launcher)
                ? new AllureHtmlReport(Optional.of(launcher), "")
                : new AllureHtmlReport(Optional.empty(),
                        "allure-commandline is not installed (run `npm ci` in " + projectDir.toAbsolutePath() + ")");
    }

    /**
     * Finds the tool: the {@value #LAUNCHER_PROPERTY} system property, else {@code node_modules/} in
     * {@code $SMOKEGATE_HOME} (set by {@code ./smokegate}), in the working directory or a parent of it, or next to
     * the smokegate code (so it works when started from elsewhere).
     */
    public static AllureHtmlReport locate() {
        String explicit = System.getProperty(LAUNCHER_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return at(Path.of(explicit));
        }
        return SmokegateHome.find(SmokegateHome.searchStarts(), dir -> inProject(dir).available())
                .map(AllureHtmlReport::inProject)
                .orElseGet(() -> new AllureHtmlReport(Optional.empty(),
                        "allure-commandline is not installed (run `npm ci` in the smokegate directory)"));
    }

    /** A report tool that is switched off on purpose ({@code --no-html}); render says why. */
    public static AllureHtmlReport disabled(String reason) {
        return new AllureHtmlReport(Optional.empty(), reason);
    }

    /** {@code locate().render(...)}: the one call the report writer needs. */
    public static Result generate(Path allureResults, Path outputDir, Duration timeout) {
        return locate().render(allureResults, outputDir, timeout);
    }

    public boolean available() {
        return launcher.isPresent();
    }

    /**
     * Generates {@code outputDir/index.html} (replacing {@code outputDir}) and {@code outputDir/history/}, giving
     * up after {@code timeout}.
     */
    public Result render(Path allureResults, Path outputDir, Duration timeout) {
        if (launcher.isEmpty()) {
            return Result.failed(notFound);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Optional<String> problem = start(List.of("generate", "--clean", "--single-file", "-o",
                    outputDir.toString(), allureResults.toString())).await(deadline, timeout);
            Path index = outputDir.resolve("index.html");
            if (problem.isPresent() || !Files.isRegularFile(index)) {
                return Result.failed(problem.orElse("allure generate wrote no " + index));
            }
            Path history = outputDir.resolve("history");
            int files = SingleFileReport.extractHistory(index, history);
            return files > 0 ? new Result(Optional.of(index), Optional.of(history), Optional.empty())
                    : new Result(Optional.of(index), Optional.empty(), Optional.of("trend history not saved for the "
                    + "next run: " + index + " embeds no history/ files"));
        } catch (IOException e) {
            return Result.failed("could not run Allure: " + e.getMessage());
        }
    }

    private Run start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (WINDOWS) {
            command.addAll(List.of("cmd.exe", "/c"));
        } else {
            command.add("/bin/sh"); // the launcher need not be executable (archives and copies lose the bit)
        }
        command.add(launcher.orElseThrow().toString());
        command.addAll(arguments);
        Path log = Files.createTempFile("smokegate-allure-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = builder.environment();
        env.put("ALLURE_NO_ANALYTICS", "true"); // Allure 2 otherwise reports usage to Google Analytics
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("ALLURE_OPTS", (FAST_START_OPTS + " " + env.getOrDefault("ALLURE_OPTS", "")).strip());
        try {
            return new Run(builder.start(), log);
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw e;
        }
    }

    /** One running {@code allure} process and the file its output goes to. */
    private record Run(Process process, Path log) {

        /** Waits until the shared deadline; empty when the process exited 0. */
        Optional<String> await(long deadlineNanos, Duration timeout) throws IOException {
            try {
                long left = Math.max(0, deadlineNanos - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    kill();
                    return Optional.of("allure generate did not finish within " + timeout.toSeconds() + " s");
                }
                int exit = process.exitValue();
                return exit == 0 ? Optional.empty()
                        : Optional.of("allure generate failed (exit " + exit + ")" + lastLine().map(l -> ": " + l)
                        .orElse(""));
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                return Optional.of("allure generate was interrupted");
            } finally {
                Files.deleteIfExists(log);
            }
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        private Optional<String> lastLine() throws IOException {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (!line.isEmpty()) {
                    return Optional.of(Excerpt.of(line, 300));
                }
            }
            return Optional.empty();
        }
    }

    private static String launcherName() {
        return WINDOWS ? "allure.bat" : "allure";
    }

    private static java.io.File nullDevice() {
        return new java.io.File(WINDOWS ? "NUL" : "/dev/null");
    }
}
