package dev.smokegate.cli;

import dev.smokegate.check.Catalogue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.RunReport;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.junit.JUnitRun;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.report.AllureHtmlReport;
import dev.smokegate.report.ConsoleSummary;
import dev.smokegate.report.RedactingResultsWriter;
import dev.smokegate.report.Redactor;
import dev.smokegate.report.ReportDirectory;
import dev.smokegate.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

/** Runs an open environment through the JUnit suites and writes every report, all through one redactor. */
final class Reports {

    private Reports() {
    }

    static int run(EnvironmentConfig config, Selection selection, ProbeContext context, RunOptions options,
                   PrintStream out, PrintStream err, Clock clock) {
        Redactor redactor = Redactor.forSecrets(config.secretValues());
        ReportDirectory directory;
        try {
            directory = ReportDirectory.create(options.reportRoot(), config.name(), clock.instant());
        } catch (IOException e) {
            err.println("smokegate: cannot create the report directory under " + options.reportRoot() + ": "
                    + e.getMessage());
            return dev.smokegate.engine.ExitCode.USAGE;
        }
        out.println(redactor.redact("verifying " + config.name() + " (" + selection.suite().label() + ") — frontend "
                + config.frontend().url() + ", backend " + config.backend().url()));
        RunReport report;
        try (RunSession session = RunSession.open(config, selection, Catalogue.all(), context,
                options.parallelism(), clock)) {
            JUnitRun.execute(session, RedactingResultsWriter.lifecycle(directory.allureResults(), redactor));
            report = session.report();
        }
        AllureHtmlReport html = options.html() ? AllureHtmlReport.locate()
                : AllureHtmlReport.disabled("switched off with --no-html");
        ReportWriter.Written written = new ReportWriter(html, AllureHtmlReport.DEFAULT_TIMEOUT)
                .writeAll(report, config, directory, redactor);
        new ConsoleSummary(redactor, ConsoleSummary.shouldColour()).print(report, written, out);
        return report.exitCode();
    }
}
