package dev.smokegate.check.webhook;

import dev.smokegate.check.Check;
import dev.smokegate.check.http.HttpCheck;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.probe.webhook.WebhookProbes;
import java.net.URI;
import java.util.List;

/** The {@code webhook.*} checks, in report order. */
public final class WebhookChecks {

    private WebhookChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                HttpCheck.of(CheckSpec.gate("webhook.signature.enforced", Severity.CRITICAL,
                                "GitHub ping deliveries to webhook.url that are unsigned, wrongly signed, signed "
                                        + "only with SHA-1 or signed for another body are refused with a 4xx "
                                        + "(never a 5xx), and the delivery signed with webhook.secret is accepted.",
                                "Verify X-Hub-Signature-256 over the raw request body before anything else, with "
                                        + "@octokit/webhooks-methods verify(secret, payload, signature) (or an HMAC-"
                                        + "SHA256 compared with crypto.timingSafeEqual); answer 401 when the header "
                                        + "is missing or does not match, ignore X-Hub-Signature (SHA-1), and keep "
                                        + "WEBHOOK_SECRET equal to the secret set on the GitHub hook."),
                                WebhookChecks::webhook,
                                (target, config) -> WebhookProbes.deliveries(URI.create(target.address())),
                                WebhookJudge::signatureEnforced)
                        .withNotApplicable(config -> "no webhook to check: set webhook.url and webhook.secret")
                        .alsoUsing("webhook"));
    }

    private static List<Target> webhook(EnvironmentConfig config) {
        return config.webhook().url().filter(url -> config.webhook().secret().isPresent())
                .map(url -> List.of(new Target(Target.WEBHOOK, url.toString()))).orElse(List.of());
    }
}
