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
import java.util.concurrent.CompletableFuture;

/**
 * Runs an open environment through the JUnit suites and writes every report, all through one redactor. A stop
 * request (SIGTERM, SIGINT) interrupts the session, so the suites finish at once with every check still waiting
 * reported as not verified, and the reports are written as for any run, without the HTML report, whose tool takes
 * seconds. Only this thread writes, interrupted or not: the signal handler just interrupts the session.
 */
final class Reports {

    private Reports() {
    }

    static int run(EnvironmentConfig config, Selection selection, ProbeContext context, RunOptions options,
                   StopSignals signals, PrintStream out, PrintStream err, Clock clock) {
        // The first request completes it; later ones find it done and change nothing, so a second Ctrl-C cannot
        // cut the report short (SIGKILL can, and the atomic writes then leave whole files or none).
        CompletableFuture<String> stop = new CompletableFuture<>();
        stop.thenAccept(signal -> err.println("smokegate: " + signal + " received: stopping, reporting what is known"));
        signals.forward(stop::complete);
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
        // Long probes (the restore drill) say how far they got; the console is the only place that shows it live.
        ProbeContext talking = context.withProgress(line -> out.println(redactor.redact(line)));
        try (RunSession session = RunSession.open(config, selection, Catalogue.all(), talking,
                options.parallelism(), clock)) {
            stop.thenAccept(session::interrupt);
            JUnitRun.execute(session, RedactingResultsWriter.lifecycle(directory.allureResults(), redactor));
            report = session.report();
        }
        // A request that comes while the Allure tool runs waits for it: Jenkins (the process tree) and Ctrl-C (the
        // process group) signal the tool too, which ends it; after a lone kill of the JVM its own timeout bounds it.
        AllureHtmlReport html = stop.isDone()
                ? AllureHtmlReport.disabled("the run was interrupted (" + stop.join() + ")")
                : options.html() ? AllureHtmlReport.locate() : AllureHtmlReport.disabled("switched off with --no-html");
        ReportWriter.Written written = new ReportWriter(html, AllureHtmlReport.DEFAULT_TIMEOUT)
                .writeAll(report, config, directory, redactor);
        new ConsoleSummary(redactor, ConsoleSummary.shouldColour()).print(report, written, out);
        return report.exitCode();
    }
}
