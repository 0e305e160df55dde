package dev.smokegate.probe.browser;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.config.TrustSettings;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** An environment whose app and GitHub are a {@link FakeGitHub}, with its test account. */
public final class FakeEnvironment {

    private FakeEnvironment() {
    }

    public static EnvironmentConfig config(FakeGitHub fake, Path dir) throws Exception {
        return builder(fake, dir, fake.password, fake.totpSecret).build();
    }

    /** With the account's password and TOTP secret as given (a wrong one makes GitHub refuse the login). */
    public static EnvironmentConfig.Builder builder(FakeGitHub fake, Path dir, String password, String totpSecret)
            throws Exception {
        URI api = URI.create("https://" + FakeGitHub.API);
        OAuthSettings.TestAccount account = new OAuthSettings.TestAccount(
                ConfigValue.literal("oauth.test-login", FakeGitHub.LOGIN),
                ConfigValue.literal("oauth.test-password", password),
                ConfigValue.literal("oauth.test-totp-secret", totpSecret));
        OAuthSettings oauth = new OAuthSettings(URI.create("https://" + FakeGitHub.GITHUB),
                URI.create("https://" + FakeGitHub.GITHUB + "/api/v3"), Optional.of(ConfigValue.literal(
                "oauth.client-id", FakeGitHub.CLIENT_ID)), Optional.of(api.resolve("/auth/github")),
                Optional.of(api.resolve("/auth/github/callback")), Set.of("read:user"), OAuthSettings.Pkce.OPTIONAL,
                Optional.of("#sign-in-github"), Optional.of(api.resolve("/api/me")), "login",
                Optional.of(api.resolve("/auth/logout")), "POST", "sid", Set.of("lax", "strict"),
                Duration.ofDays(30), Optional.of(account));
        return EnvironmentConfig.builder("fake", URI.create("https://" + FakeGitHub.APP), api)
                .oauth(oauth)
                .connectTo(fake.connectTo())
                .trust(TrustSettings.withExtraCa(FakeGitHub.writeRoot(dir)))
                .secretValue(password)
                .secretValue(totpSecret);
    }

    public static ProbeContext context(EnvironmentConfig config) throws Exception {
        return new ProbeContext(config, TrustMaterial.sslContext(config.trust().extraCaFile()));
    }
}
