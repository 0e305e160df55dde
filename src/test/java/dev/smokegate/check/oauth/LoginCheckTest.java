package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.Target;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginCheckTest {

    private static final Check<?> LOGIN = LoginChecks.all().get(0);
    private static final Check<?> LOGOUT = LoginChecks.all().get(3);

    private static EnvironmentConfig with(OAuthSettings oauth) {
        return RecordedLogin.CONFIG.newBuilder().oauth(oauth).build();
    }

    private static OAuthSettings oauth() {
        return RecordedLogin.CONFIG.oauth();
    }

    private static OAuthSettings withAccount(Optional<OAuthSettings.TestAccount> account) {
        OAuthSettings o = oauth();
        return new OAuthSettings(o.githubUrl(), o.githubApiUrl(), o.clientId(), o.loginUrl(), o.callbackUrl(),
                o.allowedScopes(), o.pkce(), o.signInSelector(), o.meUrl(), o.meLoginField(), o.logoutUrl(),
                o.logoutMethod(), o.sessionCookie(), o.sameSite(), o.maxSessionLifetime(), account);
    }

    @Test
    void appliesToTheFrontendWhenTheLoginStartsWithAClick() {
        assertThat(LOGIN.targets(RecordedLogin.CONFIG))
                .containsExactly(new Target(Target.FRONTEND, "https://app.example.com"));
    }

    @Test
    void appliesToTheLoginUrlWithoutASignInSelector() {
        OAuthSettings o = oauth();
        OAuthSettings byUrl = new OAuthSettings(o.githubUrl(), o.githubApiUrl(), o.clientId(), o.loginUrl(),
                o.callbackUrl(), o.allowedScopes(), o.pkce(), Optional.empty(), o.meUrl(), o.meLoginField(),
                o.logoutUrl(), o.logoutMethod(), o.sessionCookie(), o.sameSite(), o.maxSessionLifetime(),
                o.account());

        assertThat(LOGIN.targets(with(byUrl)))
                .containsExactly(new Target(Target.BACKEND, "https://api.example.com/auth/github"));
    }

    @Test
    void isSkippedWithoutAnOauthSection() {
        EnvironmentConfig config = with(OAuthSettings.NONE);

        assertThat(LOGIN.targets(config)).isEmpty();
        assertThat(LOGIN.notApplicable(config)).isEqualTo("no oauth section is configured");
    }

    @Test
    void isSkippedWithoutATestAccountNamingItsKeys() {
        EnvironmentConfig config = with(withAccount(Optional.empty()));

        assertThat(LOGIN.targets(config)).isEmpty();
        assertThat(LOGIN.notApplicable(config)).contains("oauth.test-login").contains("oauth.test-totp-secret");
    }

    @Test
    void isSkippedWhenTheAccountsVariablesAreUnsetNamingThem() {
        ConfigValue unset = new ConfigValue("oauth.test-password", "", Set.of("GITHUB_TEST_PASSWORD"),
                Set.of("GITHUB_TEST_PASSWORD"));
        OAuthSettings.TestAccount account = oauth().account().orElseThrow();
        EnvironmentConfig config = with(withAccount(Optional.of(new OAuthSettings.TestAccount(account.login(),
                unset, account.totpSecret()))));

        assertThat(LOGIN.targets(config)).isEmpty();
        assertThat(LOGIN.notApplicable(config)).contains("GITHUB_TEST_PASSWORD is not set");
    }

    @Test
    void theLogoutCheckIsSkippedWithoutALogoutUrl() {
        OAuthSettings o = oauth();
        EnvironmentConfig config = with(new OAuthSettings(o.githubUrl(), o.githubApiUrl(), o.clientId(),
                o.loginUrl(), o.callbackUrl(), o.allowedScopes(), o.pkce(), o.signInSelector(), o.meUrl(),
                o.meLoginField(), Optional.empty(), o.logoutMethod(), o.sessionCookie(), o.sameSite(),
                o.maxSessionLifetime(), o.account()));

        assertThat(LOGOUT.targets(config)).isEmpty();
        assertThat(LOGOUT.notApplicable(config)).isEqualTo("no oauth.logout-url is configured");
        assertThat(LOGIN.targets(config)).hasSize(1);
    }

    @Test
    void allFourShareOneLogin() {
        assertThat(LoginChecks.all()).extracting(c -> ((LoginCheck) c).observation(new Target(Target.FRONTEND,
                "https://app.example.com"), RecordedLogin.CONFIG).key()).containsOnly(LoginChecks.all().get(0)
                .observation(new Target(Target.FRONTEND, "https://app.example.com"), RecordedLogin.CONFIG).key());
        assertThat(URI.create(RecordedLogin.ME).getHost()).isEqualTo("api.example.com");
    }
}
