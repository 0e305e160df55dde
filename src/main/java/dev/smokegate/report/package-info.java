/**
 * Everything a run leaves behind, and the one redactor all of it passes through.
 *
 * <p>During the JUnit run, {@link dev.smokegate.report.RedactingResultsWriter#lifecycle} writes redacted Allure
 * results into {@code reports/<env>/<timestamp>/allure-results/} ({@link dev.smokegate.report.ReportDirectory}).
 * After it, {@link dev.smokegate.report.ReportWriter#write} writes {@code summary.json}
 * ({@link dev.smokegate.report.SummaryJson}, the contract of DESIGN.md section 2), {@code junit.xml}
 * ({@link dev.smokegate.report.JunitXmlReport}), Allure's environment and categories, carries the Allure history
 * of the previous run of the same environment over ({@link dev.smokegate.report.AllureHistory}), generates the
 * single-file HTML report ({@link dev.smokegate.report.AllureHtmlReport}) and moves {@code latest}; the CLI then
 * prints {@link dev.smokegate.report.ConsoleSummary}. Reporting problems are one-line warnings; they never change
 * the exit code.
 *
 * <p>Nothing is written unredacted: every class here takes the run's {@link dev.smokegate.report.Redactor}, and
 * {@code CanaryTest} proves it for every file of a run.
 */
package dev.smokegate.report;
