package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hasTheContractsTopLevelFieldsInOrder() throws Exception {
        JsonNode summary = JSON.readTree(SummaryJson.render(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())));

        assertThat(summary.fieldNames()).toIterable().containsExactly(
                "environment", "suite", "startedAt", "durationMs", "exitCode", "failOn", "counts", "results",
                "notices");
        assertThat(summary.get("environment").asText()).isEqualTo("staging");
        assertThat(summary.get("suite").asText()).isEqualTo("gate");
        assertThat(Instant.parse(summary.get("startedAt").asText())).isEqualTo(SampleRuns.STARTED);
        assertThat(summary.get("durationMs").asLong()).isEqualTo(8123);
        assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
        assertThat(summary.get("failOn").asText()).isEqualTo("info");
        assertThat(summary.get("notices").get(0).asText()).startsWith("waiver for tls.chain.order expired");
    }

    @Test
    void countsEveryOutcomeIncludingZeros() throws Exception {
        JsonNode counts = JSON.readTree(SummaryJson.render(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())))
                .get("counts");

        assertThat(counts.fieldNames()).toIterable()
                .containsExactly("passed", "failed", "broken", "warned", "waived", "skipped", "flaky",
                        "failedBelowFailOn");
        assertThat(counts.properties()).filteredOn(e -> !Set.of("flaky", "failedBelowFailOn").contains(e.getKey()))
                .allSatisfy(e -> assertThat(e.getValue().asInt()).isEqualTo(1));
        assertThat(counts.get("flaky").asInt()).isZero();
        assertThat(counts.get("failedBelowFailOn").asInt()).isZero();
        JsonNode none = JSON.readTree(SummaryJson.render(SampleRuns.allPassed(), Redactor.forSecrets(List.of())))
                .get("counts");
        assertThat(none.get("passed").asInt()).isEqualTo(2);
        assertThat(none.get("failed").isInt()).isTrue();
        assertThat(none.get("failed").asInt()).isZero();
    }

    @Test
    void describesEachResultWithStringTargetAndLowercaseLabels() throws Exception {
        JsonNode results = JSON.readTree(SummaryJson.render(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())))
                .get("results");

        assertThat(results).hasSize(6);
        JsonNode first = results.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("id", "target", "status", "severity", "message", "durationMs", "belowFailOn");
        assertThat(first.get("id").asText()).isEqualTo("http.health.ok");
        assertThat(first.get("target").asText()).isEqualTo("backend https://api.example.com");
        assertThat(first.get("status").asText()).isEqualTo("passed");
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.get("durationMs").asLong()).isEqualTo(85);
        assertThat(results).extracting(r -> r.get("status").asText())
                .containsExactly("passed", "warned", "failed", "broken", "waived", "skipped");
        assertThat(results.get(2).get("message").asText()).contains("\"max-age=300\" <no subdomains>");
    }

    @Test
    void countsResultsThatNeededATransportRetryAsFlakyBesidesTheirOutcome() throws Exception {
        CheckResult warned = SampleRuns.result("http.health.ok", SampleRuns.BACKEND, Outcome.WARNED,
                "flaky: passed after retry (connection reset): 200 in 85 ms", 85);
        RunReport report = new RunReport("prod", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ofSeconds(1), List.of(
                new CheckResult(warned.spec(), warned.target(), warned.outcome(), warned.message(), warned.duration(),
                        List.of(), true),
                SampleRuns.result("headers.nosniff", SampleRuns.FRONTEND, Outcome.PASSED, "nosniff present", 4)),
                List.of());

        JsonNode counts = JSON.readTree(SummaryJson.render(report, Redactor.forSecrets(List.of()))).get("counts");

        assertThat(counts.get("flaky").asInt()).isEqualTo(1);
        assertThat(counts.get("warned").asInt()).isEqualTo(1);
        assertThat(counts.get("passed").asInt()).isEqualTo(1);
    }

    @Test
    void exitCodeIsThreeWhenNothingFailedButSomethingWasNotVerified() throws Exception {
        RunReport report = new RunReport("prod", Suite.NIGHTLY, Severity.INFO, SampleRuns.STARTED, Duration.ofSeconds(1), List.of(
                SampleRuns.result("http.health.ok", SampleRuns.BACKEND, Outcome.PASSED, "ok", 1),
                SampleRuns.result("tls.revocation", SampleRuns.BACKEND, Outcome.BROKEN, "could not verify", 1)),
                List.of());

        assertThat(JSON.readTree(SummaryJson.render(report, Redactor.forSecrets(List.of()))).get("exitCode").asInt())
                .isEqualTo(3);
    }

    @Test
    void redactsMessagesTargetsAndNotices() throws Exception {
        String secret = "summary-secret-42";
        RunReport report = new RunReport("staging", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("http.health.ok", new dev.smokegate.model.Target("backend",
                        "https://u:" + secret + "@api.example.com"), Outcome.FAILED, "got " + secret, 1)),
                List.of("notice " + secret));

        String json = SummaryJson.render(report, Redactor.forSecrets(List.of(secret)));

        assertThat(json).doesNotContain(secret).contains("https://u:***@api.example.com").contains("got [REDACTED]");
    }

    @Test
    void writesTheFileAtomicallyInPlace(@TempDir Path dir) throws Exception {
        Path file = SummaryJson.write(dir.resolve("summary.json"), SampleRuns.allPassed(),
                Redactor.forSecrets(List.of()));

        assertThat(JSON.readTree(file.toFile()).get("exitCode").asInt()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }
}
