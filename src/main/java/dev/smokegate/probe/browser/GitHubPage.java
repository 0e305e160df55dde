package dev.smokegate.probe.browser;

import java.util.Map;
import java.util.Optional;

/**
 * The GitHub pages a login passes through, recognised by path and by the elements GitHub gives them. Anything
 * else stops the flow: guessing at an unknown page (device verification, a passkey prompt) could only hang or
 * type a secret where it does not belong.
 */
enum GitHubPage {
    SIGN_IN("GitHub sign-in", "#login_field"),
    TWO_FACTOR("GitHub two-factor authentication", "#app_totp"),
    CONSENT("GitHub authorization (consent)", "#js-oauth-authorize-btn"),
    UNKNOWN("an unknown GitHub page", "");

    /** Where GitHub's authorize URL (and its consent page) lives, below GitHub's base URL. */
    static final String AUTHORIZE_PATH = "/login/oauth/authorize";

    /** Pages GitHub shows that this flow cannot pass, by path, so the report can name them. */
    private static final Map<String, String> KNOWN_STOPS = Map.of(
            "/sessions/verified-device", "device verification",
            "/sessions/two-factor/webauthn", "security key or passkey prompt",
            "/sessions/two-factor/mobile", "GitHub Mobile prompt",
            "/sessions/two-factor/sms", "SMS code prompt",
            "/sessions/two-factor/recovery", "recovery code prompt",
            "/login/device", "device activation",
            "/sessions/sudo", "sudo mode prompt",
            "/account/suspended", "suspended account notice");

    final String label;
    /** The element that marks the page, besides its path. */
    final String marker;

    GitHubPage(String label, String marker) {
        this.label = label;
        this.marker = marker;
    }

    /** Which page {@code path} (relative to GitHub's base URL) with or without {@link #marker} elements is. */
    static GitHubPage of(String path, java.util.function.Predicate<String> present) {
        if ((path.equals("/login") || path.equals("/session")) && present.test(SIGN_IN.marker)
                && present.test("#password")) {
            return SIGN_IN;
        }
        if (path.startsWith("/sessions/two-factor") && !KNOWN_STOPS.containsKey(path)
                && present.test(TWO_FACTOR.marker)) {
            return TWO_FACTOR;
        }
        if (path.equals(AUTHORIZE_PATH) && present.test(CONSENT.marker)) {
            return CONSENT;
        }
        return UNKNOWN;
    }

    /** A known page GitHub shows instead of the expected ones, by its path. */
    static Optional<String> knownStop(String path) {
        return Optional.ofNullable(KNOWN_STOPS.get(path));
    }
}
