package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.engine.RunReport;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Suite;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReportTest {

    private static Document parse(RunReport report, Redactor redactor) throws Exception {
        byte[] xml = JunitXmlReport.render(report, redactor);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element testcase(Document doc, String id) {
        return elements(doc, "testcase").stream().filter(e -> e.getAttribute("name").startsWith(id + " ["))
                .findFirst().orElseThrow();
    }

    @Test
    void parsesWithTotalsThatMatchTheOutcomes() throws Exception {
        Document doc = parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of()));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(elements(doc, "testsuite")).extracting(e -> Integer.parseInt(e.getAttribute("skipped")))
                .containsExactly(1, 0, 1);
        assertThat(root.getAttribute("time")).isEqualTo("8.123");
        assertThat(elements(doc, "failure")).hasSize(1);
        assertThat(elements(doc, "error")).hasSize(1);
        assertThat(elements(doc, "skipped")).hasSize(2);
    }

    @Test
    void groupsTestcasesIntoOneSuitePerAreaWithAreaAsClassname() throws Exception {
        Document doc = parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of()));

        assertThat(elements(doc, "testsuite")).extracting(e -> e.getAttribute("name"))
                .containsExactly("http", "tls", "headers");
        Element tls = elements(doc, "testsuite").get(1);
        assertThat(tls.getAttribute("tests")).isEqualTo("2");
        assertThat(tls.getAttribute("errors")).isEqualTo("1");
        assertThat(tls.getAttribute("time")).isEqualTo("5.040");
        assertThat(testcase(doc, "tls.ocsp-stapling").getAttribute("classname")).isEqualTo("tls");
    }

    @Test
    void namesTestcaseByIdAndTargetWithTimeInSeconds() throws Exception {
        Element health = testcase(parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())), "http.health.ok");

        assertThat(health.getAttribute("name")).isEqualTo("http.health.ok [backend https://api.example.com]");
        assertThat(health.getAttribute("time")).isEqualTo("0.085");
        assertThat(health.getChildNodes().getLength()).isZero();
    }

    @Test
    void reportsFailureWithEscapedMessageAndRemediationInTheBody() throws Exception {
        Element failure = (Element) testcase(parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())),
                "headers.hsts.policy").getElementsByTagName("failure").item(0);

        assertThat(failure.getAttribute("message"))
                .isEqualTo("expected max-age >= 31536000 & includeSubDomains; got \"max-age=300\" <no subdomains>");
        assertThat(failure.getTextContent()).contains("remediation: remediation for headers.hsts.policy");
    }

    @Test
    void reportsBrokenAsErrorAndWaivedAsSkippedWithReason() throws Exception {
        Document doc = parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of()));

        assertThat(testcase(doc, "tls.ocsp-stapling").getElementsByTagName("error").getLength()).isEqualTo(1);
        Element waived = (Element) testcase(doc, "headers.csp.present").getElementsByTagName("skipped").item(0);
        assertThat(waived.getAttribute("message")).startsWith("waived: ").contains("rollout in progress");
    }

    @Test
    void reportsWarningAsPassingTestcaseWithSystemOut() throws Exception {
        Element warned = testcase(parse(SampleRuns.everyOutcome(), Redactor.forSecrets(List.of())),
                "tls.cert.expiry-horizon");

        assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warned.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("WARNING: expires in 21 days (warn < 30)");
    }

    @Test
    void replacesCharactersXmlCannotCarrySoTheFileStillParses() throws Exception {
        RunReport report = new RunReport("staging", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("http.version-leak", SampleRuns.BACKEND, Outcome.FAILED,
                        "Server: evil\u0000\u001B[31m\nnext line", 1)), List.of());

        Element failure = (Element) parse(report, Redactor.forSecrets(List.of()))
                .getElementsByTagName("failure").item(0);

        assertThat(failure.getAttribute("message")).isEqualTo("Server: evil\uFFFD\uFFFD[31m next line");
    }

    @Test
    void redactsEveryText() throws Exception {
        String secret = "junit-secret-value";
        RunReport report = new RunReport("staging", Suite.GATE, Severity.INFO, SampleRuns.STARTED, Duration.ZERO, List.of(
                SampleRuns.result("http.health.ok", new dev.smokegate.model.Target("backend",
                        "https://u:" + secret + "@h"), Outcome.FAILED, "saw " + secret, 1)), List.of());

        String xml = new String(JunitXmlReport.render(report, Redactor.forSecrets(List.of(secret))),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(xml).doesNotContain(secret).contains("saw [REDACTED]");
    }
}
