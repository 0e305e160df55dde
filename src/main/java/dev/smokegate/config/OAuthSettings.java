package dev.smokegate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code oauth} section: how the app signs users in with GitHub, and the test account the browser checks log
 * in with. Without the section every {@code oauth.*} check is skipped; without the account only the browser ones.
 *
 * @param githubUrl          GitHub's web origin ({@code https://github.com}, or a GitHub Enterprise Server)
 * @param githubApiUrl       GitHub's API base ({@code https://api.github.com}, or {@code <server>/api/v3})
 * @param clientId           the OAuth app's client id, which the authorize URL must carry
 * @param loginUrl           the app URL whose GET starts the login (a redirect to GitHub's authorize URL)
 * @param callbackUrl        the exact {@code redirect_uri} the app must send
 * @param allowedScopes      the scopes the app may ask for
 * @param pkce               whether the app must send a PKCE challenge
 * @param signInSelector     CSS selector of the "Sign in with GitHub" element on the frontend page, when the
 *                           browser should click it instead of opening {@code loginUrl}
 * @param meUrl              the app's "who am I" endpoint, answering JSON with the signed-in login
 * @param meLoginField       the JSON field of {@code meUrl}'s answer holding the login
 * @param logoutUrl          the app's logout endpoint
 * @param logoutMethod       the HTTP method logout takes
 * @param sessionCookie      the name of the app's session cookie
 * @param sameSite           the SameSite values the session cookie may have, lowercase
 * @param maxSessionLifetime the longest lifetime the session cookie may have
 * @param account            the test account, when all three of its values are configured
 */
public record OAuthSettings(URI githubUrl, URI githubApiUrl, Optional<ConfigValue> clientId, Optional<URI> loginUrl,
                            Optional<URI> callbackUrl, Set<String> allowedScopes, Pkce pkce,
                            Optional<String> signInSelector, Optional<URI> meUrl, String meLoginField,
                            Optional<URI> logoutUrl, String logoutMethod, String sessionCookie, Set<String> sameSite,
                            Duration maxSessionLifetime, Optional<TestAccount> account) {

    /** No OAuth configured: the {@code oauth.*} checks do not apply. */
    public static final OAuthSettings NONE = new OAuthSettings(URI.create("https://github.com"),
            URI.create("https://api.github.com"), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
            Pkce.OPTIONAL, Optional.empty(), Optional.empty(), "login", Optional.empty(), "POST", "session",
            Set.of("lax", "strict"), Duration.ofDays(30), Optional.empty());

    private static final Pattern SCOPE = Pattern.compile("[a-z0-9_:-]+");
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public OAuthSettings {
        allowedScopes = Set.copyOf(allowedScopes);
        sameSite = Set.copyOf(sameSite);
    }

    /** Whether the app must send a PKCE challenge; with {@code OPTIONAL} a challenge sent must still be S256. */
    public enum Pkce { OPTIONAL, REQUIRED }

    /**
     * The dedicated GitHub account the browser logs in as. The password and the TOTP secret must be
     * {@code ${VAR}} references: they are secrets, redacted from every report.
     */
    public record TestAccount(ConfigValue login, ConfigValue password, ConfigValue totpSecret) {
    }

    /**
     * What the browser login lacks here, as a skipped result says it: the first missing config key, or an unset
     * variable of the test account; empty when the login can run.
     *
     * @param needsLogout whether the asker also needs {@code oauth.logout-url}
     */
    public Optional<String> browserLoginMissing(boolean needsLogout) {
        if (equals(NONE)) {
            return Optional.of("no oauth section is configured");
        }
        if (account.isEmpty()) {
            return Optional.of("no test account: oauth.test-login, oauth.test-password and oauth.test-totp-secret "
                    + "are not configured");
        }
        TreeSet<String> unset = new TreeSet<>();
        for (ConfigValue value : List.of(account.get().login(), account.get().password(),
                account.get().totpSecret())) {
            unset.addAll(value.unset());
        }
        if (!unset.isEmpty()) {
            return Optional.of("the test account is not available here: " + String.join(", ", unset)
                    + (unset.size() == 1 ? " is" : " are") + " not set (oauth.test-login, oauth.test-password, "
                    + "oauth.test-totp-secret)");
        }
        if (meUrl.isEmpty()) {
            return Optional.of("no oauth.me-url is configured");
        }
        if (signInSelector.isEmpty() && loginUrl.isEmpty()) {
            return Optional.of("neither oauth.sign-in-selector nor oauth.login-url is configured");
        }
        if (needsLogout && logoutUrl.isEmpty()) {
            return Optional.of("no oauth.logout-url is configured");
        }
        return Optional.empty();
    }

    static OAuthSettings read(YamlNode oauth) {
        URI github = oauth.url("github-url", false).orElse(NONE.githubUrl);
        URI api = oauth.url("github-api-url", false).orElse(NONE.githubApiUrl);
        Optional<ConfigValue> clientId = oauth.expanded("client-id");
        Optional<URI> login = oauth.url("login-url", false);
        Optional<URI> callback = oauth.url("callback-url", false);
        Set<String> scopes = Set.copyOf(oauth.tokens("allowed-scopes", SCOPE, "a GitHub scope such as read:user"));
        Pkce pkce = oauth.parsed("pkce", text -> Optional.of(text.trim().toUpperCase(Locale.ROOT))
                .filter(t -> t.equals("OPTIONAL") || t.equals("REQUIRED")).map(Pkce::valueOf),
                "expected optional or required").orElse(NONE.pkce);
        Optional<String> selector = oauth.string("sign-in-selector").map(String::trim);
        Optional<URI> me = oauth.url("me-url", false);
        String meField = oauth.string("me-login-field").map(String::trim).orElse(NONE.meLoginField);
        Optional<URI> logout = oauth.url("logout-url", false);
        String logoutMethod = oauth.parsed("logout-method", text -> Optional.of(text.trim().toUpperCase(Locale.ROOT))
                .filter(m -> m.equals("GET") || m.equals("POST") || m.equals("DELETE")),
                "expected GET, POST or DELETE").orElse(NONE.logoutMethod);
        String cookie = oauth.parsed("session-cookie", text -> Optional.of(text.trim())
                .filter(n -> COOKIE_NAME.matcher(n).matches()), "expected a cookie name").orElse(NONE.sessionCookie);
        List<String> sameSite = oauth.tokens("same-site", Pattern.compile("(?i)strict|lax|none"),
                "strict, lax or none").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Duration lifetime = oauth.duration("max-session-lifetime").orElse(NONE.maxSessionLifetime);
        return new OAuthSettings(github, api, clientId, login, callback, scopes, pkce, selector, me, meField, logout,
                logoutMethod, cookie, sameSite.isEmpty() ? NONE.sameSite : Set.copyOf(sameSite), lifetime,
                account(oauth));
    }

    /** All three of login, password and TOTP secret, or none: two of them alone cannot log in. */
    private static Optional<TestAccount> account(YamlNode oauth) {
        Optional<ConfigValue> login = oauth.expanded("test-login");
        Optional<ConfigValue> password = oauth.credentialReference("test-password");
        Optional<ConfigValue> totp = oauth.credentialReference("test-totp-secret");
        if (login.isPresent() && password.isPresent() && totp.isPresent()) {
            return Optional.of(new TestAccount(login.get(), password.get(), totp.get()));
        }
        if (login.isPresent() || password.isPresent() || totp.isPresent()) {
            oauth.problem(oauth.key("test-login"), "test-login, test-password and test-totp-secret go together; "
                    + "set all three or none");
        }
        return Optional.empty();
    }
}
