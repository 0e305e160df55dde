package dev.smokegate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes Allure results the way the JUnit suites do, and reads what the single-file HTML report embeds. */
final class AllureTestResults {

    private AllureTestResults() {
    }

    /** One finished test case, with a stable history id so Allure can track it across runs. */
    static void writeTest(AllureLifecycle lifecycle, String checkId, Status status, String message) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(checkId).setFullName("smokegate." + checkId)
                .setHistoryId(checkId).setTestCaseId(checkId)
                .setLabels(java.util.List.of(new Label().setName("suite").setValue(checkId.split("\\.")[0]))));
        lifecycle.startTestCase(uuid);
        lifecycle.updateTestCase(uuid, t -> t.setStatus(status).setStatusDetails(new StatusDetails().setMessage(message)));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }

    /** The data files the single-file report embeds as {@code d('name','base64')}, decoded. */
    static Map<String, String> embedded(Path index) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        SingleFileReport.embedded(index).forEach((name, bytes) -> files.put(name,
                new String(bytes, StandardCharsets.UTF_8)));
        return files;
    }

    static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
