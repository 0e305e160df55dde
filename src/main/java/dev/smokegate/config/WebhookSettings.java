package dev.smokegate.config;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code webhook} section: the app's GitHub webhook endpoint and the secret GitHub signs deliveries with.
 * Without the URL the {@code webhook.*} checks are skipped.
 *
 * @param url    {@code webhook.url}, on the backend's origin
 * @param secret {@code webhook.secret}, a {@code ${WEBHOOK_SECRET}} reference; it leaves smokegate only as an HMAC
 */
public record WebhookSettings(Optional<URI> url, Optional<ConfigValue> secret) {

    public static final WebhookSettings NONE = new WebhookSettings(Optional.empty(), Optional.empty());

    static WebhookSettings read(YamlNode webhook) {
        Optional<URI> url = webhook.url("url", true);
        Optional<ConfigValue> secret = webhook.credentialReference("secret");
        if (secret.isEmpty()) {
            webhook.problem(webhook.key("secret"), "required: the ${VAR} holding the webhook secret, without which "
                    + "no delivery can be signed");
        }
        return new WebhookSettings(url, secret);
    }
}
