package dev.smokegate.probe.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Origins;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends GitHub {@code ping} deliveries to the app's webhook: the event GitHub sends when a hook is created, which
 * an app acknowledges and acts on in no way, so the checks can send it to production. Each delivery has its own
 * {@code X-GitHub-Delivery} id and the {@code GitHub-Hookshot/smokegate} agent, so the app's logs show where it
 * came from. The secret leaves smokegate only as HMACs, and only to the backend's origin over verified TLS.
 */
public final class WebhookProbes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ZEN = "Design for failure.";

    private WebhookProbes() {
    }

    public static ProbeRequest<WebhookDeliveries> deliveries(URI url) {
        return new ProbeRequest<>("webhook ping deliveries " + url, context -> deliver(url, context));
    }

    private static WebhookDeliveries deliver(URI url, ProbeContext context) {
        EnvironmentConfig config = context.config();
        Optional<String> withheld = withheld(url, config);
        if (withheld.isPresent()) {
            return new WebhookDeliveries(withheld, List.of());
        }
        byte[] secret = config.webhook().secret().orElseThrow().value().getBytes(StandardCharsets.UTF_8);
        long hookId = 1 + RANDOM.nextInt(Integer.MAX_VALUE);
        String body = ping(url, hookId, ZEN);
        String otherBody = ping(url, hookId, "Approachable is better than simple.");
        byte[] randomKey = new byte[32];
        RANDOM.nextBytes(randomKey);
        List<WebhookDeliveries.Delivery> deliveries = new ArrayList<>();
        for (WebhookDeliveries.Signing signing : WebhookDeliveries.Signing.values()) {
            HttpRequest request = delivery(url, hookId, body);
            request = switch (signing) {
                case UNSIGNED -> request;
                case WRONG_SIGNATURE -> request.withHeader("X-Hub-Signature-256", sha256(randomKey, body));
                case SHA1_ONLY -> request.withHeader("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", secret, body));
                case OTHER_BODY -> request.withHeader("X-Hub-Signature-256", sha256(secret, otherBody));
                case SIGNED -> request.withHeader("X-Hub-Signature-256", sha256(secret, body));
            };
            deliveries.add(new WebhookDeliveries.Delivery(signing, HttpFetcher.fetch(request, context)));
        }
        return new WebhookDeliveries(Optional.empty(), deliveries);
    }

    /** Why the secret's signatures may not go to {@code url}: they would let anyone there forge deliveries. */
    private static Optional<String> withheld(URI url, EnvironmentConfig config) {
        URI backend = config.backend().url();
        if (!Origins.same(url, backend) || !config.mayCarryCredentials(url)) {
            return Optional.of("webhook.url " + url + " is not on the backend's origin (" + backend.resolve("/")
                    + ") over https, so no delivery signed with webhook.secret was sent there");
        }
        return Optional.empty();
    }

    private static HttpRequest delivery(URI url, long hookId, String body) {
        return new HttpRequest("POST", url, List.of(
                new HttpExchange.Header("User-Agent", "GitHub-Hookshot/smokegate"),
                new HttpExchange.Header("Content-Type", "application/json"),
                new HttpExchange.Header("X-GitHub-Event", "ping"),
                new HttpExchange.Header("X-GitHub-Delivery", UUID.randomUUID().toString()),
                new HttpExchange.Header("X-GitHub-Hook-ID", String.valueOf(hookId)),
                new HttpExchange.Header("X-GitHub-Hook-Installation-Target-Type", "repository"))).withBody(body);
    }

    /** The body of GitHub's ping event for a repository hook delivering to {@code url}. */
    static String ping(URI url, long hookId, String zen) {
        String now = Instant.now().toString();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("content_type", "json");
        config.put("insecure_ssl", "0");
        config.put("url", url.toString());
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("type", "Repository");
        hook.put("id", hookId);
        hook.put("name", "web");
        hook.put("active", true);
        hook.put("events", List.of("push"));
        hook.put("config", config);
        hook.put("updated_at", now);
        hook.put("created_at", now);
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("zen", zen);
        ping.put("hook_id", hookId);
        ping.put("hook", hook);
        try {
            return JSON.writeValueAsString(ping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ping payload", e);
        }
    }

    /** GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body. */
    static String sha256(byte[] key, String body) {
        return "sha256=" + hmac("HmacSHA256", key, body);
    }

    private static String hmac(String algorithm, byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
