package dev.smokegate.check.webhook;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.webhook.WebhookDeliveries;
import dev.smokegate.probe.webhook.WebhookDeliveries.Delivery;
import dev.smokegate.probe.webhook.WebhookDeliveries.Signing;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges the webhook under forged deliveries. Any 4xx refuses a delivery (GitHub records it as failed and nothing
 * is processed): 401/403 say it best, but 400 is what {@code @octokit/webhooks}' own middleware answers a delivery
 * without signature headers, so it passes too. A 2xx accepts the forgery; a 5xx is a crash instead of a refusal
 * (the error path, not the verification, decided the answer); a 3xx refuses nothing either.
 */
final class WebhookJudge {

    private WebhookJudge() {
    }

    static Verdict signatureEnforced(WebhookDeliveries observed, EnvironmentConfig config) {
        if (observed.withheld().isPresent()) {
            return Verdict.inconclusive(observed.withheld().get());
        }
        List<String> unanswered = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (Delivery delivery : observed.deliveries()) {
            String what = delivery.signing().description();
            if (delivery.observation().exchange().isEmpty()) {
                unanswered.add(what + ": " + delivery.observation().failure().orElse("no response"));
                continue;
            }
            int status = delivery.observation().exchange().map(HttpExchange::status).orElseThrow();
            answers.add(what + " → " + status);
            if (delivery.signing() == Signing.SIGNED) {
                continue;
            }
            if (status >= 500) {
                crashed.add(what + " (HTTP " + status + ")");
            } else if (status < 400) {
                accepted.add(what + " (HTTP " + status + ")");
            }
        }
        if (!unanswered.isEmpty()) {
            return Verdict.fail("the webhook did not answer: " + String.join("; ", unanswered));
        }
        List<String> problems = new ArrayList<>();
        if (!accepted.isEmpty()) {
            problems.add("the webhook accepted forged deliveries, so anyone can trigger it: "
                    + String.join(", ", accepted));
        }
        if (!crashed.isEmpty()) {
            problems.add("crashed instead of refusing: " + String.join(", ", crashed));
        }
        int control = observed.deliveries().stream().filter(d -> d.signing() == Signing.SIGNED).findFirst()
                .flatMap(d -> d.observation().exchange()).map(HttpExchange::status).orElseThrow();
        if (control / 100 != 2) {
            problems.add("the correctly signed delivery was refused (HTTP " + control + "): webhook.secret or "
                    + "webhook.url is wrong (GitHub's real deliveries would fail the same way)");
        }
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems));
        }
        return Verdict.pass("every forged ping was refused and the signed one accepted: " + String.join("; ", answers));
    }
}
