package dev.smokegate.reference.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of {@code /login/oauth/authorize}, as the app sent them and as the consent form carries them on.
 *
 * @param redirectUri     null when the app sent none: GitHub then uses the registered callback
 * @param scopes          as requested, split on spaces or commas (GitHub takes both), without repeats
 * @param state           null when the app sent none
 * @param codeChallenge   PKCE (RFC 7636); null without PKCE
 * @param challengeMethod {@code S256} or {@code plain}; RFC 7636 §4.3 makes {@code plain} the default
 */
record AuthorizationRequest(String clientId, String redirectUri, List<String> scopes, String state,
                            String codeChallenge, String challengeMethod) {

    static final String PATH = "/login/oauth/authorize";
    /** RFC 7636 §4.1 and §4.2: 43 to 128 unreserved characters, for verifiers and challenges alike. */
    private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    AuthorizationRequest {
        scopes = List.copyOf(scopes);
    }

    static AuthorizationRequest from(FormFields fields) {
        List<String> scopes = new ArrayList<>(new LinkedHashSet<>(
                Arrays.stream(fields.getOrEmpty("scope").split("[ ,]+")).filter(s -> !s.isEmpty()).toList()));
        String challenge = fields.get("code_challenge").orElse(null);
        return new AuthorizationRequest(fields.getOrEmpty("client_id"), fields.get("redirect_uri").orElse(null),
                scopes, fields.get("state").orElse(null), challenge,
                challenge == null ? null : fields.get("code_challenge_method").orElse("plain"));
    }

    /** What GitHub's error page would say about this request, if anything. */
    Optional<String> problem(OAuthAppRegistration app) {
        if (!clientId.equals(app.clientId())) {
            return Optional.of("No OAuth app is registered with the client_id \"" + clientId + "\".");
        }
        if (redirectUri != null && !redirectUri.equals(app.callbackUrl())) {
            return Optional.of("The redirect_uri is not associated with this application. It must be "
                    + app.callbackUrl() + ".");
        }
        if (codeChallenge != null && !PKCE_VALUE.matcher(codeChallenge).matches()) {
            return Optional.of("The code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' "
                    + "and '~'.");
        }
        if (codeChallenge != null && !challengeMethod.equals("S256") && !challengeMethod.equals("plain")) {
            return Optional.of("The code_challenge_method must be S256 or plain.");
        }
        return Optional.empty();
    }

    String scope() {
        return String.join(" ", scopes);
    }

    /** The parameters in order, those the app did not send as null values. */
    List<Map.Entry<String, String>> fields() {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(entry("client_id", clientId));
        fields.add(entry("redirect_uri", redirectUri));
        fields.add(entry("scope", scopes.isEmpty() ? null : scope()));
        fields.add(entry("state", state));
        fields.add(entry("code_challenge", codeChallenge));
        fields.add(entry("code_challenge_method", challengeMethod));
        return fields;
    }

    /** RFC 7636 §4.6: whether {@code verifier} is the one this request's challenge was derived from. */
    boolean verifies(String verifier) {
        if (verifier == null || !PKCE_VALUE.matcher(verifier).matches()) {
            return false;
        }
        String derived = challengeMethod.equals("S256") ? s256(verifier) : verifier;
        return MessageDigest.isEqual(derived.getBytes(StandardCharsets.US_ASCII),
                codeChallenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
