package dev.smokegate.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code auth.jwt} section: a valid token for the test user and an endpoint that demands one. The token is
 * configured ({@code token}), or the app issues it to the browser login's session ({@code token-url}), which only
 * the suites that run the login have. Without a token source and an endpoint the forgery check is skipped; without a
 * token source the secret-strength check is too.
 *
 * @param token         a valid token for the test user ({@code ${SMOKE_JWT}}), the control of every forgery
 * @param tokenUrl      where the app hands a signed-in session its JWT, as JSON; used when no token is configured
 * @param tokenField    the JSON field of {@code tokenUrl}'s answer that holds the token
 * @param endpoint      an authenticated URL on the backend that answers 2xx to the valid token
 * @param header        the request header that carries the token
 * @param scheme        the auth scheme before the token in that header; empty for a bare token
 * @param publicKeyFile the server's public key (PEM) for the key-confusion forgery of an RS/ES token
 * @param jwksUrl       where the server publishes its keys, the other source of that public key
 * @param secret        the app's HMAC secret ({@code ${JWT_SECRET}}), whose length and entropy are judged
 */
public record JwtSettings(Optional<ConfigValue> token, Optional<URI> tokenUrl, String tokenField,
                          Optional<URI> endpoint, String header, String scheme, Optional<Path> publicKeyFile,
                          Optional<URI> jwksUrl, Optional<ConfigValue> secret) {

    public static final JwtSettings NONE = new JwtSettings(Optional.empty(), Optional.empty(), "token",
            Optional.empty(), "Authorization", "Bearer", Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether the token must come from the browser login: none is configured, the app issues one to a session. */
    public boolean tokenFromLogin() {
        return token.isEmpty() && tokenUrl.isPresent();
    }

    /** Whether the checks have a token at all, configured or from the login. */
    public boolean hasTokenSource() {
        return token.isPresent() || tokenUrl.isPresent();
    }

    private static final Pattern TOKEN68 = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]*");

    /** The header value that carries {@code jwt}: {@code Bearer <jwt>}, or the bare token without a scheme. */
    public String headerValue(String jwt) {
        return scheme.isEmpty() ? jwt : scheme + " " + jwt;
    }

    static JwtSettings readAuth(YamlNode auth) {
        return auth.section("jwt", JwtSettings::read).orElse(NONE);
    }

    static JwtSettings read(YamlNode jwt) {
        Optional<ConfigValue> token = jwt.credentialReference("token");
        Optional<URI> tokenUrl = jwt.url("token-url", false);
        String tokenField = jwt.string("token-field").map(String::trim).filter(f -> !f.isEmpty())
                .orElse(NONE.tokenField);
        Optional<URI> endpoint = jwt.url("endpoint", false);
        String header = jwt.parsed("header", text -> Optional.of(text.trim())
                .filter(h -> !h.isEmpty() && TOKEN68.matcher(h).matches()), "expected a header name")
                .orElse(NONE.header);
        String scheme = jwt.parsed("scheme", text -> Optional.of(text.trim())
                .filter(s -> TOKEN68.matcher(s).matches()), "expected an auth scheme such as Bearer, or \"\"")
                .orElse(NONE.scheme);
        Optional<Path> publicKey = jwt.string("public-key-file").flatMap(text -> {
            Path file = jwt.context().directory().resolve(text).normalize();
            if (!Files.isReadable(file)) {
                jwt.problem(jwt.key("public-key-file"), "unreadable public key file " + file);
                return Optional.empty();
            }
            return Optional.of(file);
        });
        Optional<URI> jwks = jwt.url("jwks-url", false);
        Optional<ConfigValue> secret = jwt.credentialReference("secret");
        return new JwtSettings(token, tokenUrl, tokenField, endpoint, header, scheme, publicKey, jwks, secret);
    }
}
