package dev.smokegate.check.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.webhook.WebhookDeliveries;
import dev.smokegate.probe.webhook.WebhookDeliveries.Delivery;
import dev.smokegate.probe.webhook.WebhookDeliveries.Signing;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookJudgeTest {

    private static final URI URL = URI.create("https://api.example.com/webhooks/github");
    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("test",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();

    @Test
    void passesWhenEveryForgeryGetsA4xxAndTheSignedOneA2xx() {
        Verdict verdict = judge(401, 403, 400, 401, 200);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("unsigned → 401", "correctly signed → 200");
    }

    @Test
    void failsListingEveryAcceptedForgery() {
        Verdict verdict = judge(200, 401, 202, 401, 200);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("accepted forged deliveries", "unsigned (HTTP 200)",
                "only a SHA-1 X-Hub-Signature (correct) (HTTP 202)").doesNotContain("wrong X-Hub");
    }

    @Test
    void failsAsACrashWhenAForgeryGetsA5xx() {
        Verdict verdict = judge(500, 500, 401, 401, 200);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("crashed instead of refusing: unsigned (HTTP 500), a wrong "
                + "X-Hub-Signature-256 (HTTP 500)");
    }

    @Test
    void failsNamingSecretOrUrlWhenTheSignedDeliveryIsRefused() {
        Verdict verdict = judge(401, 401, 401, 401, 401);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("correctly signed delivery was refused (HTTP 401)",
                "webhook.secret or webhook.url is wrong");
    }

    @Test
    void failsWhenTheWebhookDoesNotAnswer() {
        HttpRequest request = new HttpRequest("POST", URL, List.of());
        List<Delivery> deliveries = new ArrayList<>();
        for (Signing signing : Signing.values()) {
            deliveries.add(new Delivery(signing, HttpObservation.unanswered(request, HttpFailure.TIMED_OUT,
                    "connect timed out", Duration.ofSeconds(2))));
        }

        Verdict verdict = WebhookJudge.signatureEnforced(new WebhookDeliveries(Optional.empty(), deliveries),
                CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("did not answer", "unsigned: connect timed out");
    }

    @Test
    void cannotVerifyWhenTheSignaturesWereWithheld() {
        Verdict verdict = WebhookJudge.signatureEnforced(new WebhookDeliveries(
                Optional.of("webhook.url http://api.example.com/hooks is not on the backend's origin"), List.of()),
                CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(verdict.message()).contains("not on the backend's origin");
    }

    /** The answers to the deliveries in {@link Signing} order. */
    private static Verdict judge(int... statuses) {
        List<Delivery> deliveries = new ArrayList<>();
        Signing[] signings = Signing.values();
        for (int i = 0; i < signings.length; i++) {
            deliveries.add(new Delivery(signings[i], HttpObservation.answered(new HttpExchange("POST", URL,
                    List.of(), statuses[i], "", List.of(), "{}", false, Duration.ofMillis(5)))));
        }
        return WebhookJudge.signatureEnforced(new WebhookDeliveries(Optional.empty(), deliveries), CONFIG);
    }
}
