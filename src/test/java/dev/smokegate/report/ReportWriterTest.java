package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path root;

    private final EnvironmentConfig config = SampleRuns.config();
    private final Redactor redactor = Redactor.forSecrets(List.of());

    @Test
    void writesEveryArtifactAndWarnsInOneLineWhenTheHtmlToolIsMissing() throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "staging", SampleRuns.STARTED);
        ReportWriter writer = new ReportWriter(AllureHtmlReport.inProject(root), Duration.ofSeconds(5));

        ReportWriter.Written written = writer.writeAll(SampleRuns.everyOutcome(), config, dir, redactor);

        assertThat(written.files()).containsExactly(dir.summaryJson(), dir.junitXml(),
                dir.allureResults().resolve("environment.properties"), dir.allureResults().resolve("categories.json"));
        assertThat(written.files()).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(written.warnings()).singleElement().asString()
                .startsWith("HTML report not generated: allure-commandline is not installed").doesNotContain("\n");
        assertThat(written.htmlReport()).isEmpty();
        assertThat(written.location()).isEqualTo(dir.root());
        assertThat(ReportDirectory.latest(dir.environmentDir())).contains(dir.root());
    }

    @Test
    void keepsWritingTheOtherArtifactsWhenOneCannotBeWritten() throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "staging", SampleRuns.STARTED);
        Files.createDirectories(dir.junitXml()); // a directory where the file should go

        ReportWriter.Written written = new ReportWriter(AllureHtmlReport.inProject(root), Duration.ofSeconds(5))
                .writeAll(SampleRuns.everyOutcome(), config, dir, redactor);

        assertThat(written.warnings()).anySatisfy(w -> assertThat(w).startsWith("junit.xml not written"));
        assertThat(dir.summaryJson()).isRegularFile();
        assertThat(dir.allureResults().resolve("categories.json")).isRegularFile();
    }

    @Test
    void masksAndReportsAllureResultsThatBypassedTheRedactingWriter() throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "staging", SampleRuns.STARTED);
        Path unredacted = dir.allureResults().resolve("x-result.json");
        Files.writeString(unredacted, "{\"name\":\"Authorization: Bearer leaked-token\"}");

        ReportWriter.Written written = new ReportWriter(AllureHtmlReport.inProject(root), Duration.ofSeconds(5))
                .writeAll(SampleRuns.allPassed(), config, dir, redactor);

        assertThat(Files.readString(unredacted)).isEqualTo("{\"name\":\"Authorization: Bearer [REDACTED]\"}");
        assertThat(written.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("secrets were found and masked in Allure results (1 file(s), e.g. x-result.json)"));
    }

    @Test
    @ExternalProcesses
    void showsATrendOnTheSecondRunOfAnEnvironment() throws Exception {
        AllureHtmlReport tool = AllureHtmlReportTest.projectTool();
        assumeTrue(tool.available(), "node_modules/allure-commandline missing: run npm ci");
        ReportWriter writer = new ReportWriter(tool, Duration.ofMinutes(2));

        ReportDirectory first = run(Instant.parse("2026-11-25T08:00:00Z"), Status.PASSED);
        ReportWriter.Written firstWritten = writer.writeAll(SampleRuns.allPassed(), config, first, redactor);
        ReportDirectory second = run(Instant.parse("2026-11-25T09:00:00Z"), Status.FAILED);
        ReportWriter.Written secondWritten = writer.writeAll(SampleRuns.everyOutcome(), config, second, redactor);

        assertThat(firstWritten.warnings()).isEmpty();
        assertThat(firstWritten.historyFrom()).isEmpty();
        assertThat(secondWritten.warnings()).isEmpty();
        assertThat(secondWritten.historyFrom()).map(ReportDirectory::root).contains(first.root());
        assertThat(second.allureResults().resolve("history").resolve("history-trend.json")).isRegularFile();

        JsonNode trend = AllureTestResults.json(Files.readString(second.htmlHistory().resolve("history-trend.json")));
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0).get("data").get("failed").asInt()).isEqualTo(1); // newest first
        assertThat(trend.get(1).get("data").get("failed").asInt()).isZero();
        JsonNode embedded = AllureTestResults.json(
                AllureTestResults.embedded(second.htmlIndex()).get("widgets/history-trend.json"));
        assertThat(embedded).isEqualTo(trend);
        assertThat(secondWritten.htmlReport()).contains(second.htmlIndex());
        assertThat(ReportDirectory.latest(second.environmentDir())).contains(second.root());
    }

    /** A run directory with Allure results as the JUnit run would leave them: two checks, one with this status. */
    private ReportDirectory run(Instant at, Status healthStatus) throws Exception {
        ReportDirectory dir = ReportDirectory.create(root, "staging", at);
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(dir.allureResults(), redactor);
        AllureTestResults.writeTest(lifecycle, "http.health.ok", healthStatus,
                healthStatus == Status.PASSED ? "200 in 85 ms" : "expected 200; connection refused");
        AllureTestResults.writeTest(lifecycle, "headers.nosniff", Status.PASSED, "nosniff present");
        return dir;
    }
}
