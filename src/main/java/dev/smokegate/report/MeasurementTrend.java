package dev.smokegate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The trend of a check's measurements across runs (the restore drill's recovery time and its steps, night after
 * night) as an SVG line chart attached to the check's Allure result. The points come from the {@code summary.json}
 * of the environment's earlier runs plus this one, so the chart needs no Allure history and survives a run without
 * an HTML report. Allure draws no chart of a number a test reports; this does.
 */
final class MeasurementTrend {

    /** About a month of nightly runs: enough to see a trend, few enough to read each point. */
    static final int MAX_RUNS = 30;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};

    private MeasurementTrend() {
    }

    /** One run's measurements of the check. */
    record Point(Instant startedAt, Map<String, Long> values) {
    }

    /**
     * Attaches a chart to the Allure result of every check of {@code report} that has measurements.
     *
     * @return the chart files written
     */
    static List<Path> attach(RunReport report, ReportDirectory dir, Redactor redactor) throws IOException {
        List<Path> written = new ArrayList<>();
        for (CheckResult result : report.results()) {
            if (result.measurements().isEmpty()) {
                continue;
            }
            List<Point> points = new ArrayList<>(history(dir, result));
            points.add(new Point(report.startedAt(), result.measurements()));
            Optional<Path> allureResult = allureResult(dir.allureResults(), result, redactor);
            if (allureResult.isPresent()) {
                String svg = svg(result.id() + " across runs (seconds)", points);
                Path chart = dir.allureResults().resolve(UUID.randomUUID() + "-attachment.svg");
                AtomicFiles.write(chart, svg);
                ObjectNode json = (ObjectNode) MAPPER.readTree(allureResult.get().toFile());
                ArrayNode attachments = json.withArray("attachments");
                attachments.addObject().put("name", result.id() + " trend").put("source",
                        chart.getFileName().toString()).put("type", "image/svg+xml");
                AtomicFiles.write(allureResult.get(), MAPPER.writeValueAsString(json));
                written.add(chart);
            }
        }
        return written;
    }

    /** The check's measurements in earlier runs of the environment, oldest first; unreadable runs are left out. */
    static List<Point> history(ReportDirectory dir, CheckResult result) throws IOException {
        List<Point> points = new ArrayList<>();
        for (ReportDirectory run : dir.previousRuns()) {
            if (points.size() == MAX_RUNS - 1) {
                break;
            }
            readPoint(run.summaryJson(), result).ifPresent(points::add);
        }
        Collections.reverse(points);
        return points;
    }

    /** Matched by check id and target role: the demo's address changes with every start, the check does not. */
    private static Optional<Point> readPoint(Path summary, CheckResult result) {
        try {
            JsonNode json = MAPPER.readTree(summary.toFile());
            for (JsonNode item : json.path("results")) {
                JsonNode measurements = item.path("measurements");
                if (item.path("id").asText().equals(result.id())
                        && item.path("target").asText().startsWith(result.target().role() + " ")
                        && measurements.isObject() && measurements.size() > 0) {
                    Map<String, Long> values = new TreeMap<>();
                    measurements.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asLong()));
                    return Optional.of(new Point(Instant.parse(json.path("startedAt").asText()), values));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a run that crashed before writing its summary, or one from an older version: no point for it
        }
        return Optional.empty();
    }

    private static Optional<Path> allureResult(Path results, CheckResult result, Redactor redactor)
            throws IOException {
        String fullName = redactor.redact(result.id() + " " + result.target().role() + " "
                + result.target().address());
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith("-result.json"))
                    ::iterator) {
                if (MAPPER.readTree(file.toFile()).path("fullName").asText().equals(fullName)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** A line per measurement, in seconds, over the runs in order; each point's value is in its tooltip. */
    static String svg(String title, List<Point> points) {
        TreeSet<String> names = new TreeSet<>();
        points.forEach(p -> names.addAll(p.values().keySet()));
        long max = Math.max(1, points.stream().flatMap(p -> p.values().values().stream()).mapToLong(v -> v)
                .max().orElse(1));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 20, escape(title), "font-size=\"13\" font-weight=\"bold\""));
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(text(LEFT - 6, y + 4, seconds(max * tick / 4), "text-anchor=\"end\""));
        }
        for (int i = 0; i < points.size(); i++) {
            if (i == 0 || i == points.size() - 1 || points.size() <= 8) {
                svg.append(text(x(i, points.size(), plotWidth), HEIGHT - BOTTOM + 16,
                        points.get(i).startedAt().toString().substring(5, 16).replace('T', ' '), "text-anchor=\"middle\""));
            }
        }
        int series = 0;
        for (String name : names) {
            String colour = COLOURS[series % COLOURS.length];
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Long value = points.get(i).values().get(name);
                if (value == null) {
                    continue;
                }
                double x = x(i, points.size(), plotWidth);
                double y = TOP + plotHeight - plotHeight * value / max;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                        + "<title>%s %s: %s s</title></circle>%n", x, y, colour, points.get(i).startedAt(),
                        escape(name), seconds(value)));
            }
            boolean main = name.equals("recovery-ms");
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" "
                    + "points=\"%s\"/>%n", colour, main ? "3" : "1.5", line.toString().strip()));
            svg.append(dots);
            double legendY = TOP + 14 * series;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"3\" "
                    + "fill=\"%s\"/>%n", WIDTH - RIGHT + 12, legendY + 4, colour));
            svg.append(text(WIDTH - RIGHT + 30, legendY + 8, escape(name.replaceFirst("-ms$", "")),
                    main ? "font-weight=\"bold\"" : ""));
            series++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int index, int count, double plotWidth) {
        return LEFT + (count == 1 ? plotWidth / 2 : plotWidth * index / (count - 1));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, millis < 10_000 ? "%.1f" : "%.0f", millis / 1000.0);
    }

    private static String text(double x, double y, String content, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x, y, attributes, content);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
