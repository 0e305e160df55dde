package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    private final ConsoleSummary plain = new ConsoleSummary(Redactor.forSecrets(List.of()), false, true);

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void printsOneLinePerCheckInPlanOrderWithFixedWidthStatus() {
        List<String> lines = lines(plain.render(SampleRuns.everyOutcome(), Optional.empty(), List.of()));

        assertThat(lines.subList(0, 6)).extracting(l -> l.substring(0, 8))
                .containsExactly("PASS    ", "WARN    ", "FAIL    ", "BROKEN  ", "WAIVED  ", "SKIP    ");
        assertThat(lines.get(0)).matches("PASS {4}http\\.health\\.ok +backend https://api\\.example\\.com +200 in 85 ms");
        assertThat(lines.get(2)).contains("headers.hsts.policy").contains("got \"max-age=300\"");
    }

    @Test
    void alignsIdAndTargetColumns() {
        List<String> lines = lines(plain.render(SampleRuns.everyOutcome(), Optional.empty(), List.of()));

        int targetColumn = lines.get(0).indexOf("backend");
        assertThat(lines.subList(0, 6)).allSatisfy(l -> assertThat(l.charAt(targetColumn - 1)).isEqualTo(' '));
        assertThat(lines.get(2).indexOf("frontend")).isEqualTo(targetColumn);
    }

    @Test
    void endsWithCountsVerdictExitCodeAndReportLocation() {
        String text = plain.render(SampleRuns.everyOutcome(),
                Optional.of(Path.of("reports/staging/20261125T221500Z/html/index.html")), List.of());

        List<String> lines = lines(text);
        assertThat(lines.get(lines.size() - 2)).isEqualTo(
                "6 checks: 1 passed, 1 failed, 1 broken, 1 warned, 1 waived, 1 skipped — FAILED (exit 1)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: reports/staging/20261125T221500Z/html/index.html");
    }

    @Test
    void leavesOutZeroCountsExceptPassed() {
        assertThat(plain.countLine(SampleRuns.allPassed())).isEqualTo("2 checks: 2 passed — PASSED (exit 0)");
        RunReport broken = new RunReport("s", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("tls.revocation", SampleRuns.BACKEND, Outcome.BROKEN, "could not verify", 1)),
                List.of());
        assertThat(plain.countLine(broken)).isEqualTo("1 check: 0 passed, 1 broken — NOT VERIFIED (exit 3)");
    }

    @Test
    void countsFlakyResultsBesidesTheirOutcome() {
        CheckResult warned = SampleRuns.result("http.health.ok", SampleRuns.BACKEND, Outcome.WARNED,
                "flaky: passed after retry (connection reset): 200 in 85 ms", 85);
        RunReport report = new RunReport("s", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                new CheckResult(warned.spec(), warned.target(), warned.outcome(), warned.message(), warned.duration(),
                        List.of(), true)), List.of());

        assertThat(plain.countLine(report)).isEqualTo("1 check: 0 passed, 1 warned, 1 flaky — PASSED (exit 0)");
    }

    @Test
    void usesAsciiDashWhenTheConsoleCannotPrintUnicode() {
        ConsoleSummary ascii = new ConsoleSummary(Redactor.forSecrets(List.of()), false, false);
        assertThat(ascii.countLine(SampleRuns.allPassed())).isEqualTo("2 checks: 2 passed - PASSED (exit 0)");
    }

    @Test
    void repeatsFailuresWithTheFixAndPrintsNoticesAndWarnings() {
        String text = plain.render(SampleRuns.everyOutcome(), Optional.empty(),
                List.of("HTML report not generated: npx not found"));

        assertThat(text).contains("Notices:\n  ! waiver for tls.chain.order expired");
        String whatFailed = text.substring(text.indexOf("What failed:"));
        assertThat(whatFailed).contains("FAIL    headers.hsts.policy")
                .contains("fix: remediation for headers.hsts.policy")
                .contains("BROKEN  tls.ocsp-stapling")
                .doesNotContain("http.health.ok").doesNotContain("headers.csp.present");
        assertThat(text).contains("warning: HTML report not generated: npx not found");
    }

    @Test
    void printsNoEscapeCodesWithoutColour() {
        assertThat(plain.render(SampleRuns.everyOutcome(), Optional.empty(), List.of())).doesNotContain("\u001B");
    }

    @Test
    void coloursStatusAndVerdictWhenAsked() {
        ConsoleSummary colour = new ConsoleSummary(Redactor.forSecrets(List.of()), true, true);
        String text = colour.render(SampleRuns.everyOutcome(), Optional.empty(), List.of());

        assertThat(text).contains("\u001B[1;31mFAIL  \u001B[0m").contains("\u001B[32mPASS  \u001B[0m")
                .contains("\u001B[1;31mFAILED (exit 1)\u001B[0m");
    }

    @Test
    void stripsControlCharactersFromTargetTextSoItCannotForgeLines() {
        RunReport report = new RunReport("s", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("http.version-leak", SampleRuns.BACKEND, Outcome.FAILED,
                        "Server: x\u001B[2J\nPASS    forged.line", 1)), List.of());

        String text = plain.render(report, Optional.empty(), List.of());

        assertThat(text).doesNotContain("\u001B").doesNotContain("\nPASS    forged.line");
        assertThat(lines(text).get(0)).endsWith("Server: x?[2J PASS forged.line");
    }

    @Test
    void redactsEverythingItPrints() {
        String secret = "console-secret-99";
        RunReport report = new RunReport("s", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("http.health.ok", new dev.smokegate.model.Target("backend",
                        "https://u:" + secret + "@api"), Outcome.FAILED, "got " + secret, 1)),
                List.of("notice " + secret));
        ConsoleSummary console = new ConsoleSummary(Redactor.forSecrets(List.of(secret)), false, true);

        String text = console.render(report, Optional.of(Path.of("/tmp/" + secret)), List.of("warn " + secret));

        assertThat(text).doesNotContain(secret).contains("got [REDACTED]").contains("https://u:***@api");
    }
}
