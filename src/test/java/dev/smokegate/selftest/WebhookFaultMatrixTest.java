package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof that {@code webhook.signature.enforced} can fail: GitHub ping deliveries to the reference backend's
 * real webhook (the Node app with {@code @octokit/webhooks-methods}), healthy and once per webhook fault; each row
 * names the forged deliveries the fault lets through.
 */
@ExternalProcesses
class WebhookFaultMatrixTest extends OnReferenceDeployment {

    static final String CHECK = "webhook.signature.enforced";
    private static final Selection WEBHOOK = new Selection(Suite.FULL, List.of("webhook.*"));

    /** Each webhook fault and the fragment of the failure message that names what it lets through. */
    static final Map<Fault, List<String>> ROWS = Map.of(
            Fault.WEBHOOK_UNSIGNED_ACCEPTED, List.of("accepted forged deliveries", "unsigned (HTTP 202)",
                    "only a SHA-1 X-Hub-Signature (correct) (HTTP 202)"),
            Fault.WEBHOOK_WRONG_SIGNATURE_ACCEPTED, List.of("accepted forged deliveries",
                    "a wrong X-Hub-Signature-256 (HTTP 202)", "the signature of a different body (HTTP 202)"),
            Fault.WEBHOOK_500_ON_BAD_SIGNATURE, List.of("crashed instead of refusing", "unsigned (HTTP 500)",
                    "a wrong X-Hub-Signature-256 (HTTP 500)"));

    @Test
    void healthyWebhookPassesWhenEveryForgeryIsRefused() throws Exception {
        SuiteRun run = SuiteRun.of(config, WEBHOOK);

        assertThat(run.withOutcome(Outcome.PASSED)).containsOnlyKeys(CHECK);
        assertThat(run.withOutcome(Outcome.PASSED).get(CHECK)).contains("unsigned → 401", "correctly signed → 202");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = "WEBHOOK_.*", mode = EnumSource.Mode.MATCH_ALL)
    void faultFailsTheCheckNamingTheForgeriesLetThrough(Fault fault) throws Exception {
        deployment.inject(fault);

        SuiteRun run = SuiteRun.of(config, WEBHOOK);

        assertThat(run.failed()).containsOnlyKeys(CHECK);
        assertThat(run.failed().get(CHECK)).contains(ROWS.get(fault)).doesNotContain("correctly signed");
    }

    @Test
    void failsNamingTheSecretWhenTheControlIsRefused() throws Exception {
        SuiteRun run = SuiteRun.of(ReferenceEnvironment.config(deployment, Map.of("WEBHOOK_SECRET",
                "not-the-webhook-secret")), WEBHOOK);

        assertThat(run.failed()).containsOnlyKeys(CHECK);
        assertThat(run.failed().get(CHECK)).contains("the correctly signed delivery was refused (HTTP 401)",
                "webhook.secret or webhook.url is wrong");
    }
}
