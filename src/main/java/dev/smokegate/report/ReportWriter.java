package dev.smokegate.report;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes everything a finished run leaves behind, in one call for the CLI: {@code summary.json},
 * {@code junit.xml}, Allure's {@code environment.properties} and {@code categories.json}, the trend chart of each
 * measured check ({@link MeasurementTrend}), the history carried over from the previous run of the environment, the single-file HTML report, and the {@code latest} pointer.
 * The per-test Allure results were already written during the JUnit run through
 * {@link RedactingResultsWriter#lifecycle}.
 *
 * <p>Reporting never changes a run's verdict: a step that fails becomes a one-line warning in
 * {@link Written#warnings()} and the other steps still run. The most important artifact, summary.json, goes first.
 */
public final class ReportWriter {

    private final AllureHtmlReport html;
    private final Duration htmlTimeout;

    public ReportWriter(AllureHtmlReport html, Duration htmlTimeout) {
        this.html = html;
        this.htmlTimeout = htmlTimeout;
    }

    /** What was written, and what could not be. */
    public record Written(ReportDirectory dir, List<Path> files, Optional<Path> htmlReport,
                          Optional<ReportDirectory> historyFrom, List<String> warnings) {

        public Written {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }

        /** Where to point a person: the HTML report if there is one, else the run directory. */
        public Path location() {
            return htmlReport.orElse(dir.root());
        }
    }

    /** With the Allure tool found by {@link AllureHtmlReport#locate()} and its default timeout. */
    public static Written write(RunReport report, EnvironmentConfig config, ReportDirectory dir, Redactor redactor) {
        return new ReportWriter(AllureHtmlReport.locate(), AllureHtmlReport.DEFAULT_TIMEOUT)
                .writeAll(report, config, dir, redactor);
    }

    public Written writeAll(RunReport report, EnvironmentConfig config, ReportDirectory dir, Redactor redactor) {
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Step step = new Step(files, warnings, redactor);

        step.run("summary.json", () -> SummaryJson.write(dir.summaryJson(), report, redactor));
        step.run("junit.xml", () -> JunitXmlReport.write(dir.junitXml(), report, redactor));
        step.run("Allure environment", () -> AllureEnvironmentFile.write(
                createdResultsDir(dir), config, report.suite(), redactor));
        step.run("Allure categories", () -> AllureCategories.write(createdResultsDir(dir)));

        try {
            files.addAll(MeasurementTrend.attach(report, dir, redactor));
        } catch (IOException | RuntimeException e) {
            warnings.add(redactor.redact("trend charts not attached: " + describe(e)));
        }

        Optional<ReportDirectory> historyFrom = Optional.empty();
        try {
            historyFrom = AllureHistory.carryOver(dir, redactor);
        } catch (IOException | RuntimeException e) {
            warnings.add(redactor.redact("Allure history not carried over from the previous run: " + describe(e)));
        }

        try {
            redactTree(dir.allureResults(), "Allure results", redactor, warnings);
        } catch (IOException | RuntimeException e) {
            warnings.add(redactor.redact("Allure results not checked for secrets: " + describe(e)));
        }

        Optional<Path> htmlReport = Optional.empty();
        AllureHtmlReport.Result result = html.render(dir.allureResults(), dir.html(), htmlTimeout);
        result.problem().ifPresent(p -> warnings.add(redactor.redact(
                (result.generated() ? "HTML report: " : "HTML report not generated: ") + p)));
        if (result.generated()) {
            htmlReport = result.index();
            files.add(result.index().get());
            try {
                redactTree(dir.html(), "the generated HTML report", redactor, warnings);
            } catch (IOException | RuntimeException e) {
                warnings.add(redactor.redact("HTML report not checked for secrets: " + describe(e)));
            }
        }

        try {
            dir.markLatest();
        } catch (IOException | RuntimeException e) {
            warnings.add(redactor.redact("could not point " + dir.environmentDir().resolve(ReportDirectory.LATEST)
                    + " at this run: " + describe(e)));
        }
        return new Written(dir, files, htmlReport, historyFrom, warnings);
    }

    private static Path createdResultsDir(ReportDirectory dir) throws IOException {
        return Files.createDirectories(dir.allureResults());
    }

    /**
     * Allure results are redacted as they are written, and the HTML is built from them, so this should find
     * nothing; it is the last line of defence (a result written by a lifecycle that bypassed
     * {@link RedactingResultsWriter}, a new tool version). When it does find something, the run says so: a wiring
     * mistake to fix, and the masked parts of the HTML report may not display.
     */
    private static void redactTree(Path root, String what, Redactor redactor, List<String> warnings)
            throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> changed = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(file);
                byte[] redacted = redactor.redact(content);
                if (!Arrays.equals(content, redacted)) {
                    AtomicFiles.write(file, redacted);
                    changed.add(root.relativize(file));
                }
            }
        }
        if (!changed.isEmpty()) {
            warnings.add("secrets were found and masked in " + what + " (" + changed.size() + " file(s), e.g. "
                    + changed.get(0) + "): some result bypassed the redacting Allure writer");
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Runs one report step; a failure becomes a warning instead of stopping the others. */
    private record Step(List<Path> files, List<String> warnings, Redactor redactor) {

        interface Action {
            Path write() throws IOException;
        }

        void run(String what, Action action) {
            try {
                files.add(action.write());
            } catch (IOException | RuntimeException e) {
                warnings.add(redactor.redact(what + " not written: " + describe(e)));
            }
        }
    }
}
