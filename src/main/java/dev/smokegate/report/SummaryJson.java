package dev.smokegate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.json}, the machine-readable result that CI jobs, bots and dashboards read (DESIGN.md section 2).
 * Its shape is a contract: add fields if needed, never rename or remove one.
 *
 * <pre>{@code
 * {
 *   "environment": "staging", "suite": "gate", "startedAt": "2026-11-25T22:15:00Z", "durationMs": 8123,
 *   "exitCode": 1, "failOn": "high",
 *   "counts": {"passed": 10, "failed": 2, "broken": 0, "warned": 1, "waived": 0, "skipped": 0, "flaky": 1,
 *              "failedBelowFailOn": 1},
 *   "results": [{"id": "http.health.ok", "target": "backend https://api.example.com", "status": "failed",
 *                "severity": "critical", "message": "expected 200 ...; got 503", "durationMs": 87,
 *                "belowFailOn": false}, ...],
 *   "notices": ["waiver for tls.ocsp-stapling expired on 2026-11-01 and no longer applies ..."]
 * }
 * }</pre>
 * {@code target} is always the string {@code "<role> <address>"} ({@code Target.toString()}), the same text the
 * console and junit.xml show; {@code status} and {@code severity} are the lowercase labels. {@code counts.flaky}
 * counts results whose observation needed a transport retry, each also counted under its status.
 * {@code failOn} is the least severe failure that decides the exit code; a failed result of a less severe check
 * has {@code belowFailOn: true} and is counted both in {@code counts.failed} and {@code counts.failedBelowFailOn}.
 * A result with numbers worth trending across runs carries them in {@code measurements}, by name with the unit last
 * ({@code "measurements": {"recovery-ms": 4210, "dump-ms": 1210, ...}} for {@code db.restore-drill}); results
 * without any have no such field.
 * Free text
 * (environment, target, message, notices) is redacted.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    @JsonPropertyOrder({"environment", "suite", "startedAt", "durationMs", "exitCode", "failOn", "counts", "results",
        "notices"})
    record Summary(String environment, String suite, String startedAt, long durationMs, int exitCode, String failOn,
                   Counts counts, List<Result> results, List<String> notices) {
    }

    @JsonPropertyOrder({"passed", "failed", "broken", "warned", "waived", "skipped", "flaky", "failedBelowFailOn"})
    record Counts(int passed, int failed, int broken, int warned, int waived, int skipped, int flaky,
                  int failedBelowFailOn) {

        static Counts of(RunReport report) {
            Map<Outcome, Integer> counts = report.counts();
            return new Counts(counts.get(Outcome.PASSED), counts.get(Outcome.FAILED), counts.get(Outcome.BROKEN),
                    counts.get(Outcome.WARNED), counts.get(Outcome.WAIVED), counts.get(Outcome.SKIPPED),
                    report.flaky(), report.failedBelowFailOn());
        }
    }

    @JsonPropertyOrder({"id", "target", "status", "severity", "message", "durationMs", "belowFailOn",
        "measurements"})
    record Result(String id, String target, String status, String severity, String message, long durationMs,
                  boolean belowFailOn,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> measurements) {
    }

    /** The JSON text, redacted. */
    public static String render(RunReport report, Redactor redactor) {
        List<Result> results = report.results().stream().map(r -> result(r, report, redactor)).toList();
        Summary summary = new Summary(
                redactor.redact(report.environment()),
                report.suite().label(),
                report.startedAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                report.duration().toMillis(),
                report.exitCode(),
                report.failOn().label(),
                Counts.of(report),
                results,
                report.notices().stream().map(redactor::redact).toList());
        try {
            return MAPPER.writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("summary.json could not be serialised", e);
        }
    }

    public static Path write(Path file, RunReport report, Redactor redactor) throws IOException {
        AtomicFiles.write(file, render(report, redactor));
        return file;
    }

    private static Result result(CheckResult r, RunReport report, Redactor redactor) {
        return new Result(r.id(), redactor.redact(r.target().toString()), r.outcome().label(),
                r.spec().severity().label(), redactor.redact(r.message()), r.duration().toMillis(),
                report.belowFailOn(r), new TreeMap<>(r.measurements()));
    }
}
