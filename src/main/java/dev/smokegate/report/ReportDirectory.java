package dev.smokegate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where one run's reports go: {@code <root>/<env>/<timestamp>/}, with {@code allure-results/} for the Allure
 * listener, {@code html/} for the single-file report (and the Allure history the next run carries over),
 * {@code summary.json} and {@code junit.xml}. {@code <root>/<env>/latest} points at the newest finished run.
 *
 * <p>The timestamp ({@code 20261125T221500Z}, UTC) sorts by time. Two runs that start in the same second get
 * {@code 20261125T221500Z-02}, {@code -03} ..., which still sort after the first one. The directory is created
 * atomically, so concurrent runs of the same environment never share one.
 */
public final class ReportDirectory {

    /** The default reports root, relative to the working directory (the repository root for {@code ./smokegate}). */
    public static final Path DEFAULT_ROOT = Path.of("reports");
    public static final String LATEST = "latest";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RUN_NAME = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d{2,}))?");
    private static final int MAX_RUNS_PER_SECOND = 99;

    private final Path runDir;

    private ReportDirectory(Path runDir) {
        this.runDir = runDir;
    }

    /** Creates a fresh run directory (and {@code allure-results/}) for a run of {@code environment}. */
    public static ReportDirectory create(Path root, String environment, Instant startedAt) throws IOException {
        Path envDir = root.resolve(safeName(environment));
        Files.createDirectories(envDir);
        String stamp = STAMP.format(startedAt);
        for (int seq = 1; seq <= MAX_RUNS_PER_SECOND; seq++) {
            Path candidate = envDir.resolve(seq == 1 ? stamp : stamp + String.format("-%02d", seq));
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            ReportDirectory dir = new ReportDirectory(candidate);
            Files.createDirectories(dir.allureResults());
            return dir;
        }
        throw new IOException("more than " + MAX_RUNS_PER_SECOND + " runs of " + environment + " started at "
                + stamp + " under " + envDir);
    }

    /** An existing run directory, e.g. to regenerate its reports. */
    public static ReportDirectory existing(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("not a report directory: " + runDir);
        }
        return new ReportDirectory(runDir);
    }

    /**
     * Maps an environment name onto one safe path segment: a name from a config file must not be able to write
     * outside the reports root ({@code ../x}) or create nested directories.
     */
    static String safeName(String environment) {
        String safe = environment.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return "_" + safe;
        }
        return safe;
    }

    public Path root() {
        return runDir;
    }

    /** The timestamp name, e.g. {@code 20261125T221500Z}. */
    public String name() {
        return runDir.getFileName().toString();
    }

    public Path environmentDir() {
        return runDir.getParent();
    }

    public Path allureResults() {
        return runDir.resolve("allure-results");
    }

    public Path html() {
        return runDir.resolve("html");
    }

    public Path htmlIndex() {
        return html().resolve("index.html");
    }

    /** Where {@link AllureHtmlReport} keeps Allure's trend data, for the next run of this environment. */
    public Path htmlHistory() {
        return html().resolve("history");
    }

    public Path summaryJson() {
        return runDir.resolve("summary.json");
    }

    public Path junitXml() {
        return runDir.resolve("junit.xml");
    }

    /** Earlier runs of the same environment, newest first. */
    public List<ReportDirectory> previousRuns() throws IOException {
        Optional<RunKey> self = RunKey.of(name());
        try (Stream<Path> siblings = Files.list(environmentDir())) {
            return siblings
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(runDir))
                    .flatMap(p -> RunKey.of(p.getFileName().toString()).map(k -> new Keyed(k, p)).stream())
                    .filter(k -> self.isEmpty() || k.key().compareTo(self.get()) < 0)
                    .sorted(Comparator.comparing(Keyed::key).reversed())
                    .map(k -> new ReportDirectory(k.path()))
                    .toList();
        }
    }

    /** The most recent earlier run of the same environment whose HTML report left Allure history behind. */
    public Optional<ReportDirectory> previousRunWithHistory() throws IOException {
        return previousRuns().stream().filter(r -> Files.isDirectory(r.htmlHistory())).findFirst();
    }

    /**
     * Points {@code <env>/latest} at this run: a relative symlink, swapped in atomically; where symlinks are not
     * available, a text file holding the run's name. A run that finishes after a newer one started and finished
     * does not take {@code latest} back.
     */
    public void markLatest() throws IOException {
        Path latest = environmentDir().resolve(LATEST);
        Optional<RunKey> current = latest(environmentDir()).flatMap(p -> RunKey.of(p.getFileName().toString()));
        Optional<RunKey> self = RunKey.of(name());
        if (current.isPresent() && self.isPresent() && current.get().compareTo(self.get()) > 0) {
            return;
        }
        Path temp = environmentDir().resolve(".latest-" + name() + "-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        try {
            Files.createSymbolicLink(temp, Path.of(name()));
        } catch (UnsupportedOperationException | IOException noSymlinks) {
            Files.writeString(temp, name() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        try {
            Files.move(temp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The run {@code <envDir>/latest} points at, whether it is a symlink or the text-file fallback. */
    public static Optional<Path> latest(Path environmentDir) throws IOException {
        Path latest = environmentDir.resolve(LATEST);
        String target;
        if (Files.isSymbolicLink(latest)) {
            target = Files.readSymbolicLink(latest).toString();
        } else if (Files.isRegularFile(latest)) {
            target = Files.readString(latest, StandardCharsets.UTF_8).strip();
        } else {
            return Optional.empty();
        }
        Path run = environmentDir.resolve(target).normalize();
        return Files.isDirectory(run) && run.getParent().equals(environmentDir.normalize())
                ? Optional.of(run) : Optional.empty();
    }

    @Override
    public String toString() {
        return runDir.toString();
    }

    /** Orders run names by time, then by the same-second sequence number (numerically, so -100 follows -99). */
    private record RunKey(String stamp, int seq) implements Comparable<RunKey> {

        static Optional<RunKey> of(String name) {
            Matcher m = RUN_NAME.matcher(name);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new RunKey(m.group(1), m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
        }

        @Override
        public int compareTo(RunKey o) {
            int byTime = stamp.compareTo(o.stamp);
            return byTime != 0 ? byTime : Integer.compare(seq, o.seq);
        }
    }

    private record Keyed(RunKey key, Path path) {
    }
}
