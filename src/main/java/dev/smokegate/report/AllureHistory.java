package dev.smokegate.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Carries Allure's history from one run of an environment to the next, which is what makes the report's trend
 * charts and per-test history show anything. Allure 2 reads {@code allure-results/history/} when it generates a
 * report and writes the updated history into the report's {@code history/}; {@link AllureHtmlReport} keeps that in
 * {@code <run>/html/history/}, and this class copies it into the next run's {@code allure-results/history/}.
 */
public final class AllureHistory {

    private AllureHistory() {
    }

    /**
     * Copies the history of the most recent earlier run of the same environment that has one. The files hold test
     * names and messages of earlier runs; they go through the redactor again, so a secret added to the config since
     * then is masked in the trend data too.
     *
     * @return the run the history came from, or empty when this is the environment's first run with a report
     */
    public static Optional<ReportDirectory> carryOver(ReportDirectory run, Redactor redactor) throws IOException {
        Optional<ReportDirectory> previous = run.previousRunWithHistory();
        if (previous.isPresent()) {
            copy(previous.get().htmlHistory(), run.allureResults().resolve("history"), redactor);
        }
        return previous;
    }

    static void copy(Path fromHistory, Path toHistory, Redactor redactor) throws IOException {
        Files.createDirectories(toHistory);
        try (Stream<Path> files = Files.list(fromHistory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                AtomicFiles.write(toHistory.resolve(file.getFileName().toString()),
                        redactor.redact(Files.readAllBytes(file)));
            }
        }
    }
}
