package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smokegate.ExternalProcesses;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureHtmlReportTest {

    /** How long the hanging fake tool sleeps: what render() would wait if it did not give up at its timeout. */
    private static final Duration TOOL_HANG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path fakeLauncher(String script) throws Exception {
        Path launcher = dir.resolve("fake-allure");
        Files.writeString(launcher, "#!/bin/sh\n" + script + "\n");
        return launcher;
    }

    static AllureHtmlReport projectTool() {
        return AllureHtmlReport.inProject(Path.of("").toAbsolutePath());
    }

    @Test
    void saysToRunNpmCiWhenTheToolIsNotInstalled() {
        AllureHtmlReport.Result result = AllureHtmlReport.inProject(dir)
                .render(dir.resolve("allure-results"), dir.resolve("html"), Duration.ofSeconds(5));

        assertThat(result.generated()).isFalse();
        assertThat(result.problem()).get().asString().contains("not installed").contains("npm ci");
    }

    @Test
    void givesUpAfterTheTimeoutAndKillsTheTool() throws Exception {
        String sleep = "sleep " + TOOL_HANG.toSeconds();
        Path launcher = fakeLauncher(sleep);
        long start = System.nanoTime();

        AllureHtmlReport.Result result = AllureHtmlReport.at(launcher)
                .render(dir.resolve("allure-results"), dir.resolve("html"), Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("returned before the tool would have finished")
                .isLessThan(TOOL_HANG);
        assertThat(result.problem()).contains("allure generate did not finish within 1 s");
        // SIGKILL lands asynchronously, so a killed sleep may still be listed for a moment; one that escaped the
        // kill would still be asleep after half its sleep.
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(sleep)))
                .allSatisfy(p -> assertThat(p.onExit()).succeedsWithin(TOOL_HANG.dividedBy(2)));
    }

    @Test
    void reportsTheToolsExitCodeAndLastOutputLine() throws Exception {
        Path launcher = fakeLauncher("echo starting; echo 'boom: results unreadable' >&2; exit 3");

        AllureHtmlReport.Result result = AllureHtmlReport.at(launcher)
                .render(dir.resolve("allure-results"), dir.resolve("html"), Duration.ofSeconds(20));

        assertThat(result.generated()).isFalse();
        assertThat(result.problem()).contains("allure generate failed (exit 3): boom: results unreadable");
    }

    @Test
    @ExternalProcesses
    void generatesOneSelfContainedHtmlFileWithoutAnalyticsAndKeepsHistory() throws Exception {
        AllureHtmlReport tool = projectTool();
        assumeTrue(tool.available(), "node_modules/allure-commandline missing: run npm ci");
        Path results = Files.createDirectories(dir.resolve("allure-results"));
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(results, Redactor.forSecrets(List.of()));
        AllureTestResults.writeTest(lifecycle, "http.health.ok", Status.PASSED, "200 in 85 ms");
        AllureTestResults.writeTest(lifecycle, "http.db-path.ok", Status.FAILED, "connection refused by db");
        AllureCategories.write(results);

        AllureHtmlReport.Result result = tool.render(results, dir.resolve("html"), Duration.ofMinutes(2));

        assertThat(result.problem()).isEmpty();
        assertThat(result.index()).contains(dir.resolve("html").resolve("index.html"));
        assertThat(result.history()).get().satisfies(h -> assertThat(h.resolve("history-trend.json")).isRegularFile());
        try (var html = Files.list(dir.resolve("html"))) {
            assertThat(html.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "history");
        }
        String index = Files.readString(result.index().get());
        assertThat(index).doesNotContain("googletagmanager").doesNotContainPattern("(src|href)=\"https?://");
        Map<String, String> data = AllureTestResults.embedded(result.index().get());
        assertThat(data.get("widgets/categories.json")).contains(AllureCategories.UNREACHABLE);
        assertThat(AllureTestResults.json(Files.readString(result.history().get().resolve("history.json"))).size())
                .as("one history entry per test").isEqualTo(2);
    }
}
