package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactingResultsWriterTest {

    private static final String SECRET = "allure-secret-1234";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    private final Redactor redactor = Redactor.forSecrets(List.of(SECRET));

    private JsonNode onlyFile(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return JSON.readTree(matching.get(0).toFile());
        }
    }

    @Test
    void redactsEveryStringFieldOfATestResult() throws Exception {
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(results, redactor);
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid)
                .setName("http.health.ok · backend https://u:" + SECRET + "@api")
                .setFullName("suite.Http#health " + SECRET)
                .setDescription("d " + SECRET).setDescriptionHtml("<b>" + SECRET + "</b>")
                .setLabels(List.of(new Label().setName("host").setValue(SECRET)))
                .setLinks(List.of(new Link().setName(SECRET).setUrl("https://x/?token=" + SECRET)))
                .setParameters(List.of(new Parameter().setName("target").setValue(SECRET),
                        new Parameter().setName("sessionToken").setValue("obtained-at-run-time"))));
        lifecycle.startTestCase(uuid);
        lifecycle.startStep(uuid, "step-1", new StepResult().setName("outer " + SECRET));
        lifecycle.startStep("step-1", "step-2", new StepResult().setName("inner " + SECRET)
                .setParameters(List.of(new Parameter().setName("p").setValue(SECRET))));
        lifecycle.updateStep("step-2", s -> s.setStatusDetails(new StatusDetails().setMessage("m " + SECRET)));
        lifecycle.stopStep("step-2");
        lifecycle.stopStep("step-1");
        lifecycle.updateTestCase(uuid, t -> t.setStatus(Status.FAILED).setStatusDetails(
                new StatusDetails().setMessage("expected 200; " + SECRET).setTrace("at X\n" + SECRET)));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);

        JsonNode result = onlyFile("-result.json");
        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(result.get("name").asText()).isEqualTo("http.health.ok · backend https://u:***@api");
        assertThat(result.get("statusDetails").get("message").asText()).isEqualTo("expected 200; [REDACTED]");
        assertThat(result.get("steps").get(0).get("steps").get(0).get("name").asText()).isEqualTo("inner [REDACTED]");
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("parameters").get(1).get("value").asText()).isEqualTo("[REDACTED]");
    }

    @Test
    void redactsAttachmentContentAndName() throws Exception {
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(results, redactor);
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("t"));
        lifecycle.startTestCase(uuid);
        lifecycle.addAttachment("response " + SECRET, "text/plain", ".txt",
                ("HTTP/1.1 200 OK\r\nSet-Cookie: sid=abc; Secure\r\n\r\n{\"echo\":\"" + SECRET + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);

        JsonNode attachment = onlyFile("-result.json").get("attachments").get(0);
        assertThat(attachment.get("name").asText()).isEqualTo("response [REDACTED]");
        String content = Files.readString(results.resolve(attachment.get("source").asText()));
        assertThat(content).isEqualTo(
                "HTTP/1.1 200 OK\r\nSet-Cookie: sid=[REDACTED]; Secure\r\n\r\n{\"echo\":\"[REDACTED]\"}");
    }

    @Test
    void redactsContainersAndTheirFixtures() throws Exception {
        AllureLifecycle lifecycle = RedactingResultsWriter.lifecycle(results, redactor);
        String container = UUID.randomUUID().toString();
        lifecycle.startTestContainer(new TestResultContainer().setUuid(container).setName("c " + SECRET));
        lifecycle.startPrepareFixture(container, "fx", new FixtureResult().setName("start target " + SECRET));
        lifecycle.updateFixture("fx", f -> f.setStatusDetails(new StatusDetails().setMessage(SECRET)));
        lifecycle.stopFixture("fx");
        lifecycle.stopTestContainer(container);
        lifecycle.writeTestContainer(container);

        JsonNode written = onlyFile("-container.json");
        assertThat(written.toString()).doesNotContain(SECRET);
        assertThat(written.get("befores").get(0).get("name").asText()).isEqualTo("start target [REDACTED]");
    }
}
