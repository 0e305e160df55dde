package dev.smokegate.junit;

import dev.smokegate.model.CheckResult;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Outcome;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Describes the running test in Allure's terms: area as epic, target as feature, check id as story, severity,
 * the requirement and remediation as description, evidence as attachments. Whatever is written here passes the
 * redacting results writer before it reaches disk.
 */
final class AllureAnnotations {

    private AllureAnnotations() {
    }

    /** @param belowFailOn a failure of a check less severe than the run's fail-on: tagged, so it can be filtered */
    static void describe(CheckResult result, boolean belowFailOn) {
        CheckSpec spec = result.spec();
        Allure.getLifecycle().updateTestCase(test -> {
            test.setName(spec.id() + " · " + result.target());
            test.setFullName(spec.id() + " " + result.target().role() + " " + result.target().address());
            // Stable across runs and plan changes, so Allure's history and trends follow a check on a target.
            test.setHistoryId(digest(spec.id() + "|" + result.target().role() + "|" + result.target().address()));
            // The listener files every check under the Java class that hosts the dynamic tests; group by area instead.
            test.getLabels().removeIf(l -> java.util.Set.of("suite", "parentSuite", "subSuite", "package",
                    "testClass", "testMethod").contains(l.getName()));
            test.getLabels().add(label("suite", spec.area()));
            test.getLabels().add(label("subSuite", spec.id()));
            test.getLabels().add(label("epic", spec.area()));
            test.getLabels().add(label("feature", result.target().toString()));
            test.getLabels().add(label("story", spec.id()));
            test.getLabels().add(label("severity", allureSeverity(spec)));
            test.getLabels().add(label("tag", result.outcome().label()));
            if (belowFailOn) {
                test.getLabels().add(label("tag", "below-fail-on"));
            }
            test.getParameters().add(new Parameter().setName("target").setValue(result.target().address()));
            test.setDescription("**Requirement:** " + spec.requirement() + "\n\n**Remediation:** "
                    + spec.remediation() + "\n\n**Observed:** " + result.message());
            if (result.outcome() == Outcome.WARNED || result.outcome() == Outcome.PASSED) {
                test.setStatusDetails(new StatusDetails().setMessage(
                        (result.outcome() == Outcome.WARNED ? "WARNING: " : "") + result.message()));
            }
        });
        for (Evidence evidence : result.evidence()) {
            if (evidence.isImage()) {
                Allure.addAttachment(evidence.title(), evidence.mediaType(),
                        new ByteArrayInputStream(evidence.imageBytes()), extension(evidence.mediaType()));
            } else {
                Allure.addAttachment(evidence.title(), evidence.mediaType(), evidence.content(), ".txt");
            }
        }
    }

    /** Allure's report picks the viewer by the attachment's type; the file keeps a matching extension. */
    private static String extension(String mediaType) {
        int slash = mediaType.indexOf('/');
        return "." + (slash < 0 ? "bin" : mediaType.substring(slash + 1));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String allureSeverity(CheckSpec spec) {
        return switch (spec.severity()) {
            case CRITICAL -> "blocker";
            case HIGH -> "critical";
            case MEDIUM -> "normal";
            case LOW -> "minor";
            case INFO -> "trivial";
        };
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
