package dev.smokegate.report;

import dev.smokegate.engine.ExitCode;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person sees at the end of a run: one line per check in plan order, the notices, "What failed" again with
 * the fix for each, and a final count line with the verdict and exit code, e.g.
 * <pre>
 * PASS    http.health.ok       backend https://api.example.com   200 in 85 ms
 * FAIL    headers.hsts.policy  frontend https://www.example.com  expected max-age &gt;= 31536000; got 300
 * ...
 * 12 checks: 10 passed, 1 failed, 1 warned — FAILED (exit 1)
 * 12 checks: 10 passed, 2 failed (2 below fail-on high) — PASSED at fail-on high (exit 0)
 * Report: reports/staging/20261125T221500Z/html/index.html
 * </pre>
 * Everything printed passes through the redactor; text that came from the target (a Server header, a body) is
 * also stripped of control characters, so a hostile response cannot inject terminal escape sequences or fake
 * lines. Colour only when asked ({@link #shouldColour()}).
 */
public final class ConsoleSummary {

    private static final Map<Outcome, String> LABELS = new EnumMap<>(Map.of(
            Outcome.PASSED, "PASS", Outcome.FAILED, "FAIL", Outcome.BROKEN, "BROKEN",
            Outcome.WARNED, "WARN", Outcome.WAIVED, "WAIVED", Outcome.SKIPPED, "SKIP"));
    private static final Map<Outcome, String> COLOURS = new EnumMap<>(Map.of(
            Outcome.PASSED, "32", Outcome.FAILED, "1;31", Outcome.BROKEN, "1;35",
            Outcome.WARNED, "33", Outcome.WAIVED, "36", Outcome.SKIPPED, "2"));
    private static final int STATUS_WIDTH = 6;
    private static final int MAX_ID_WIDTH = 40;
    private static final int MAX_TARGET_WIDTH = 48;
    private static final String RESET = "\u001B[0m";

    private final Redactor redactor;
    private final boolean colour;
    private final boolean unicode;

    public ConsoleSummary(Redactor redactor, boolean colour, boolean unicode) {
        this.redactor = redactor;
        this.colour = colour;
        this.unicode = unicode;
    }

    /** Unicode punctuation when the platform charset can print it. */
    public ConsoleSummary(Redactor redactor, boolean colour) {
        this(redactor, colour, shouldUseUnicode());
    }

    /**
     * Colour only for a person at a terminal who has not opted out: stdout is a console and {@code NO_COLOR}
     * (no-color.org) is unset or empty, and the terminal is not {@code dumb}. CI logs stay free of escape codes.
     */
    public static boolean shouldColour() {
        String noColour = System.getenv("NO_COLOR");
        return System.console() != null && (noColour == null || noColour.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }

    /** A POSIX/C locale makes Java print {@code ?} for anything outside ASCII; use ASCII punctuation there. */
    public static boolean shouldUseUnicode() {
        return Charset.defaultCharset().equals(StandardCharsets.UTF_8);
    }

    /** The summary of a run whose reports {@link ReportWriter} wrote: its warnings, then where the report is. */
    public void print(RunReport report, ReportWriter.Written written, PrintStream out) {
        print(report, Optional.of(written.location()), written.warnings(), out);
    }

    public void print(RunReport report, Optional<Path> reportLocation, List<String> warnings, PrintStream out) {
        out.print(render(report, reportLocation, warnings));
        out.flush();
    }

    /**
     * The whole summary as text.
     *
     * @param reportLocation the HTML report or run directory, for the last line
     * @param warnings       one-line problems from writing the reports (e.g. no HTML report), shown before it
     */
    public String render(RunReport report, Optional<Path> reportLocation, List<String> warnings) {
        List<CheckResult> results = report.results();
        int idWidth = Math.min(MAX_ID_WIDTH, results.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        List<String> targets = results.stream().map(r -> clean(r.target().toString())).toList();
        int targetWidth = Math.min(MAX_TARGET_WIDTH, targets.stream().mapToInt(String::length).max().orElse(0));

        StringBuilder out = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            out.append(status(r.outcome())).append("  ")
                    .append(pad(r.id(), idWidth)).append("  ")
                    .append(pad(targets.get(i), targetWidth)).append("  ")
                    .append(clean(RunReport.reportedMessage(r, report.failOn()))).append('\n');
        }
        if (!report.notices().isEmpty()) {
            out.append("\nNotices:\n");
            report.notices().forEach(n -> out.append("  ! ").append(clean(n)).append('\n'));
        }
        List<CheckResult> problems = results.stream()
                .filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.BROKEN).toList();
        if (!problems.isEmpty()) {
            out.append("\nWhat failed:\n");
            for (CheckResult r : problems) {
                out.append("  ").append(status(r.outcome())).append("  ").append(r.id()).append("  ")
                        .append(clean(r.target().toString())).append('\n');
                out.append("          ").append(clean(RunReport.reportedMessage(r, report.failOn()))).append('\n');
                if (r.outcome() == Outcome.FAILED) {
                    out.append("          fix: ").append(clean(r.spec().remediation())).append('\n');
                }
            }
        }
        out.append('\n');
        warnings.forEach(w -> out.append(paint("33", "warning: ")).append(clean(w)).append('\n'));
        out.append(countLine(report)).append('\n');
        reportLocation.ifPresent(p -> out.append("Report: ").append(clean(p.toString())).append('\n'));
        return out.toString();
    }

    /**
     * {@code 12 checks: 10 passed, 1 failed, 1 warned, 1 flaky — FAILED (exit 1)}; zero counts other than passed
     * omitted. Flaky results (their observation needed a transport retry) are also counted under their outcome.
     */
    String countLine(RunReport report) {
        Map<Outcome, Integer> counts = report.counts();
        int total = report.results().size();
        List<String> parts = new ArrayList<>();
        int below = report.failedBelowFailOn();
        for (Outcome o : Outcome.values()) {
            if (o == Outcome.PASSED || counts.get(o) > 0) {
                parts.add(counts.get(o) + " " + o.label() + (o == Outcome.FAILED && below > 0
                        ? " (" + below + " " + RunReport.belowFailOnLabel(report.failOn()) + ")" : ""));
            }
        }
        if (report.flaky() > 0) {
            parts.add(report.flaky() + " flaky");
        }
        int exit = report.exitCode();
        String verdict = switch (exit) {
            case ExitCode.PASSED -> below > 0 ? "PASSED at fail-on " + report.failOn().label() : "PASSED";
            case ExitCode.FAILED -> "FAILED";
            case ExitCode.NOT_VERIFIED -> "NOT VERIFIED";
            default -> "EXIT " + exit;
        };
        String colourOfVerdict = exit == ExitCode.PASSED ? "1;32" : exit == ExitCode.FAILED ? "1;31" : "1;35";
        return total + (total == 1 ? " check: " : " checks: ") + String.join(", ", parts)
                + (unicode ? " — " : " - ") + paint(colourOfVerdict, verdict + " (exit " + exit + ")");
    }

    private String status(Outcome outcome) {
        return paint(COLOURS.get(outcome), pad(LABELS.get(outcome), STATUS_WIDTH));
    }

    private String paint(String sgr, String text) {
        return colour ? "\u001B[" + sgr + "m" + text + RESET : text;
    }

    /** Redacted, on one line, without control characters (ESC included) that came from the target. */
    private String clean(String text) {
        String redacted = redactor.redact(text == null ? "" : text);
        StringBuilder out = new StringBuilder(redacted.length());
        redacted.codePoints().forEach(c -> {
            if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
