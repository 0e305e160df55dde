package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import dev.smokegate.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementTrendTest {

    private static final CheckSpec DRILL = CheckSpec.nightly("db.restore-drill", Severity.HIGH, "restores.",
            "fix the backups");
    private static final Redactor REDACTOR = Redactor.forSecrets(List.of());

    @TempDir
    Path root;

    private static RunReport night(Instant started, String address, long recoveryMs) {
        CheckResult drill = new CheckResult(DRILL, new Target(Target.DATABASE, address), Outcome.PASSED,
                "recovered in " + recoveryMs + " ms", Duration.ofMillis(recoveryMs), List.of(), false,
                Map.of("recovery-ms", recoveryMs, "dump-ms", recoveryMs / 3));
        CheckResult other = SampleRuns.result("http.health.ok", SampleRuns.BACKEND, Outcome.PASSED, "200", 80);
        return new RunReport("staging", Suite.NIGHTLY, Severity.INFO, started, Duration.ofSeconds(9),
                List.of(other, drill), List.of());
    }

    @Test
    void summaryJsonCarriesMeasurementsOnlyWhereThereAreSome() {
        String json = SummaryJson.render(night(Instant.parse("2026-11-20T02:00:00Z"), "db:5432/app", 4210), REDACTOR);

        assertThat(json).contains("\"measurements\" : {\n      \"dump-ms\" : 1403,\n      \"recovery-ms\" : 4210\n");
        assertThat(json.split("\"measurements\"", -1)).as("one result has measurements").hasSize(2);
    }

    @Test
    void attachesAChartOfEveryEarlierNightAndThisOneToTheChecksAllureResult() throws Exception {
        Instant first = Instant.parse("2026-11-20T02:00:00Z");
        for (int night = 0; night < 2; night++) {
            Instant started = first.plus(Duration.ofDays(night));
            ReportDirectory earlier = ReportDirectory.create(root, "staging", started);
            // Another port each night, as the demo's: the trend follows the check, not the address.
            SummaryJson.write(earlier.summaryJson(), night(started, "db:" + (5000 + night) + "/app", 4000 + night),
                    REDACTOR);
        }
        Instant tonight = first.plus(Duration.ofDays(2));
        ReportDirectory run = ReportDirectory.create(root, "staging", tonight);
        Path results = Files.createDirectories(run.allureResults());
        Path result = results.resolve("1234-result.json");
        Files.writeString(result, "{\"uuid\":\"1234\",\"fullName\":\"db.restore-drill database db:5999/app\","
                + "\"attachments\":[{\"name\":\"restore output\",\"source\":\"a-attachment.txt\",\"type\":\"text/plain\"}]}");

        List<Path> charts = MeasurementTrend.attach(night(tonight, "db:5999/app", 3900), run, REDACTOR);

        assertThat(charts).singleElement().satisfies(chart -> {
            String svg = Files.readString(chart);
            assertThat(svg).startsWith("<svg ").contains("db.restore-drill across runs (seconds)", ">recovery</text>",
                    ">dump</text>", "11-20 02:00", "11-22 02:00", "recovery-ms: 4.0 s", "recovery-ms: 3.9 s");
            assertThat(svg.split("<circle", -1)).as("3 nights x 2 measurements").hasSize(7);
        });
        JsonNode attachments = new ObjectMapper().readTree(result.toFile()).path("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(1).path("type").asText()).isEqualTo("image/svg+xml");
        assertThat(attachments.get(1).path("source").asText()).isEqualTo(charts.get(0).getFileName().toString());
    }
}
