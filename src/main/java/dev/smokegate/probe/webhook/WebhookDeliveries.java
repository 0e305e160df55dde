package dev.smokegate.probe.webhook;

import dev.smokegate.model.Evidence;
import dev.smokegate.probe.http.HttpEvidence;
import dev.smokegate.probe.http.HttpObservation;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub {@code ping} deliveries sent to the app's webhook URL, each with what the app answered.
 *
 * @param withheld   why nothing was sent: the URL may not carry the secret's signatures (not the backend's origin
 *                   over TLS)
 * @param deliveries the forged deliveries, then the correctly signed one (the control)
 */
public record WebhookDeliveries(Optional<String> withheld, List<Delivery> deliveries) implements HttpEvidence {

    public WebhookDeliveries {
        deliveries = List.copyOf(deliveries);
    }

    /** How a delivery is signed; every kind but {@link #SIGNED} must be refused. */
    public enum Signing {
        UNSIGNED("unsigned"),
        WRONG_SIGNATURE("a wrong X-Hub-Signature-256"),
        SHA1_ONLY("only a SHA-1 X-Hub-Signature (correct)"),
        OTHER_BODY("the signature of a different body"),
        SIGNED("correctly signed");

        private final String description;

        Signing(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One delivery: how it was signed and what the app answered. */
    public record Delivery(Signing signing, HttpObservation observation) {
    }

    @Override
    public List<Evidence> evidence() {
        return deliveries.stream().flatMap(d -> d.observation().evidence().stream()).toList();
    }
}
