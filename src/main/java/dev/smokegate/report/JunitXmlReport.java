package dev.smokegate.report;

import dev.smokegate.engine.RunReport;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml} in the de-facto JUnit XML format that Jenkins' {@code junit} step, GitLab and GitHub test
 * reporters read. It is written from the {@link RunReport}, not by a JUnit listener, so that it goes through the
 * redactor and shows smokegate's six outcomes faithfully:
 * <ul>
 *   <li>one {@code <testsuite>} per check area ({@code http}, {@code tls} ...), {@code classname} = the area;</li>
 *   <li>{@code <testcase name="id [role address]">};</li>
 *   <li>failed: {@code <failure>}; broken (could not verify): {@code <error>};</li>
 *   <li>skipped and waived: {@code <skipped message="...">} (CI tools have no "waived"; the message says so);</li>
 *   <li>warned: a passing test case with {@code <system-out>WARNING: ...</system-out>}.</li>
 * </ul>
 * Escaping is StAX's; characters XML 1.0 cannot carry at all (most control characters, which a hostile server
 * header could contain) are replaced with U+FFFD first, or the CI's parser would reject the whole file.
 */
public final class JunitXmlReport {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JunitXmlReport() {
    }

    public static Path write(Path file, RunReport report, Redactor redactor) throws IOException {
        AtomicFiles.write(file, render(report, redactor));
        return file;
    }

    public static byte[] render(RunReport report, Redactor redactor) {
        Map<String, List<CheckResult>> byArea = new LinkedHashMap<>();
        report.results().forEach(r -> byArea.computeIfAbsent(r.spec().area(), a -> new java.util.ArrayList<>()).add(r));
        // JUnit's schema: local date-time without zone; ours is UTC
        String timestamp = TIMESTAMP.format(report.startedAt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            Text text = new Text(redactor);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", text.attr("smokegate " + report.environment() + " " + report.suite().label()));
            // no "skipped" here: the junit-4.xsd that Jenkins' xunit plugin validates against does not allow it on
            // <testsuites>; the per-suite elements carry it
            writeCounts(xml, report.results(), report.duration(), false);
            for (Map.Entry<String, List<CheckResult>> area : byArea.entrySet()) {
                writeSuite(xml, text, area.getKey(), area.getValue(), report, timestamp);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("junit.xml could not be written", e);
        }
        return out.toByteArray();
    }

    private static void writeSuite(XMLStreamWriter xml, Text text, String area, List<CheckResult> results,
                                   RunReport report, String timestamp) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", area);
        Duration time = results.stream().map(CheckResult::duration).reduce(Duration.ZERO, Duration::plus);
        writeCounts(xml, results, time, true);
        xml.writeAttribute("timestamp", timestamp);
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        writeProperty(xml, "environment", text.attr(report.environment()));
        writeProperty(xml, "suite", report.suite().label());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (CheckResult r : results) {
            writeCase(xml, text, area, report, r);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, Text text, String area, RunReport report, CheckResult r)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", text.attr(r.id() + " [" + r.target() + "]"));
        xml.writeAttribute("classname", area);
        xml.writeAttribute("time", seconds(r.duration()));
        String message = text.attr(r.message());
        switch (r.outcome()) {
            case FAILED -> writeProblem(xml, text, "failure", text.attr(RunReport.reportedMessage(r,
                    report.failOn())), r);
            case BROKEN -> writeProblem(xml, text, "error", message, r);
            case SKIPPED -> writeSkipped(xml, message);
            case WAIVED -> writeSkipped(xml, "waived: " + message);
            case WARNED -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(text.body("WARNING: " + r.message()));
                xml.writeEndElement();
            }
            case PASSED -> {
                // a passing test case has no children
            }
        }
        xml.writeEndElement();
    }

    /** The message attribute is what CI lists show; the body adds what an engineer needs to act on it. */
    private static void writeProblem(XMLStreamWriter xml, Text text, String element, String message,
                                     CheckResult r) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", r.outcome() == Outcome.FAILED ? "failed" : "could-not-verify");
        xml.writeCharacters(text.body(r.message() + "\n\nseverity: " + r.spec().severity().label()
                + "\nrequirement: " + r.spec().requirement() + "\nremediation: " + r.spec().remediation()
                + "\ntarget: " + r.target()));
        xml.writeEndElement();
    }

    private static void writeSkipped(XMLStreamWriter xml, String message) throws XMLStreamException {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", message);
    }

    private static void writeCounts(XMLStreamWriter xml, List<CheckResult> results, Duration time,
                                    boolean withSkipped) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(count(results, Outcome.FAILED)));
        xml.writeAttribute("errors", String.valueOf(count(results, Outcome.BROKEN)));
        if (withSkipped) {
            xml.writeAttribute("skipped",
                    String.valueOf(count(results, Outcome.SKIPPED) + count(results, Outcome.WAIVED)));
        }
        xml.writeAttribute("time", seconds(time));
    }

    private static void writeProperty(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static long count(List<CheckResult> results, Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** Redacts, then makes text safe for XML 1.0; attributes are also kept on one line. */
    private record Text(Redactor redactor) {

        String body(String s) {
            return xmlSafe(redactor.redact(s));
        }

        String attr(String s) {
            return xmlSafe(redactor.redact(s)).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }

        private static String xmlSafe(String s) {
            StringBuilder out = new StringBuilder(s.length());
            s.codePoints().forEach(c -> out.appendCodePoint(allowedInXml(c) ? c : 0xFFFD));
            return out.toString();
        }

        /** XML 1.0's Char production. */
        private static boolean allowedInXml(int c) {
            return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
        }
    }
}
