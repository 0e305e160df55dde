package dev.smokegate.reference.github;

import java.util.HexFormat;

/**
 * An OAuth app as registered on GitHub: its name (shown on the consent page), its credentials, and the one callback
 * URL GitHub redirects to. {@link #toString()} leaves the secret out.
 */
public record OAuthAppRegistration(String name, String clientId, String clientSecret, String callbackUrl) {

    /** With a fresh random secret: 40 hex digits, as GitHub issues them. */
    public static OAuthAppRegistration generate(String name, String clientId, String callbackUrl) {
        return new OAuthAppRegistration(name, clientId, HexFormat.of().formatHex(RandomValues.bytes(20)),
                callbackUrl);
    }

    @Override
    public String toString() {
        return "OAuthAppRegistration[" + name + ", " + clientId + ", " + callbackUrl + "]";
    }
}
