package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.oauth.LoginStarts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizeRedirectTest {

    private static final URI LOGIN = URI.create("https://api.example.com/auth/github");
    private static final String CALLBACK = "https://api.example.com/auth/github/callback";
    private static final String GOOD = "client_id=Iv1.abc&redirect_uri=" + CALLBACK + "&scope=read:user";

    private static EnvironmentConfig config(OAuthSettings.Pkce pkce) {
        OAuthSettings none = OAuthSettings.NONE;
        OAuthSettings oauth = new OAuthSettings(none.githubUrl(), none.githubApiUrl(),
                Optional.of(ConfigValue.literal("oauth.client-id", "Iv1.abc")), Optional.of(LOGIN),
                Optional.of(URI.create(CALLBACK)), Set.of("read:user", "user:email"), pkce, Optional.empty(),
                Optional.empty(), "login", Optional.empty(), "POST", "sid", Set.of("lax"), Duration.ofDays(1),
                Optional.empty());
        return EnvironmentConfig.builder("prod", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).oauth(oauth).build();
    }

    private static final EnvironmentConfig CONFIG = config(OAuthSettings.Pkce.OPTIONAL);

    private static HttpObservation redirect(String location) {
        List<HttpExchange.Header> headers = List.of(new HttpExchange.Header("Location", location));
        return HttpObservation.answered(new HttpExchange("GET", LOGIN, List.of(), 302, "Found", headers, "", false,
                Duration.ofMillis(5)));
    }

    /** Three starts whose authorize URLs carry {@code query} plus a state drawn from {@code states}. */
    private static LoginStarts starts(String query, String... states) {
        List<HttpObservation> starts = new ArrayList<>();
        for (String state : states) {
            starts.add(redirect("https://github.com/login/oauth/authorize?" + query
                    + (state.isEmpty() ? "" : "&state=" + state)));
        }
        return new LoginStarts(starts);
    }

    private static LoginStarts fresh(String query) {
        return starts(query, "Yq9x3v8PZr0mYw1hQ2s7cW5tLk9eR4uJbN6aF0dHq1M", "c2VjcmV0c3RhdGUtdHdvLXJhbmRvbS0zMmJ5dGVz",
                "T1k7pQ0zX8rV2mN5bL4cJ9hG6fD3sA1wE7yU0iO2tRq");
    }

    private static Verdict judge(LoginStarts starts) {
        return AuthorizeRedirect.judge(starts, CONFIG);
    }

    @Test
    void passesOnTheProductionCallbackWithAFreshStateEachTime() {
        Verdict verdict = judge(fresh(GOOD));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("3 login starts redirect to https://github.com/login/oauth/authorize");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "client_id=Iv1.other&redirect_uri=" + CALLBACK + " | client_id is \"Iv1.other\", not the configured",
            "redirect_uri=" + CALLBACK + " | the authorize URL has no client_id",
            "client_id=Iv1.abc&redirect_uri=http://api.example.com/auth/github/callback | is not https",
            "client_id=Iv1.abc&redirect_uri=https://app-git-feature-acme.vercel.app/auth/github/callback"
                    + " | points at a preview deployment (*.vercel.app)",
            "client_id=Iv1.abc&redirect_uri=https://api.example.com/callback | not the configured callback",
            "client_id=Iv1.abc&redirect_uri=https://api.example.com/auth/github/callback/ | not the configured callback",
            GOOD + "%20repo | scope asks for repo beyond oauth.allowed-scopes",
            "client_id=Iv1.abc&redirect_uri=" + CALLBACK + "&scope=repo,admin:org | scope asks for admin:org, repo",
            GOOD + "&code_challenge=abc&code_challenge_method=plain | PKCE code_challenge_method is plain",
            GOOD + "&code_challenge=abc | (none sent means plain)"})
    void failsNamingTheWrongParameter(String query, String problem) {
        Verdict verdict = judge(fresh(query));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains(problem);
    }

    @Test
    void failsWithoutState() {
        assertThat(judge(starts(GOOD, "", "", "")).message()).contains("no state parameter on 3 of 3 starts");
    }

    @Test
    void failsWhenTheStateRepeats() {
        String same = "Yq9x3v8PZr0mYw1hQ2s7cW5tLk9eR4uJbN6aF0dHq1M";

        assertThat(judge(starts(GOOD, same, same, "T1k7pQ0zX8rV2mN5bL4cJ9hG6fD3sA1wE7yU0iO2tRq")).message())
                .contains("the same state came back on 2 of 3 starts");
    }

    /** RFC 6749 §10.10: 2^-128 at most; judged on the alphabet the value shows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0123456789abcdef0123456789abcdef | 128 | PASS",
            "0123456789abcdef0123456789abcde | 124 | FAIL",
            "Yq9x3v8PZr0mYw1hQ2s7cW | 130 | PASS",
            "Yq9x3v8PZr0mYw1hQ2s7c | 125 | FAIL",
            "12345678901234567890123456789012345678 | 126 | FAIL",
            "12345678901234567890123456789012345678901 | 136 | PASS",
            "Yq9x3v8-Zr0mYw1hQ2s7_== | 126 | FAIL"})
    void estimatesStateBitsFromItsAlphabet(String state, int bits, Status expected) {
        assertThat(AuthorizeRedirect.estimatedBits(state)).isEqualTo(bits);
        // Three distinct states of the same shape: only the length and alphabet decide.
        String first = state.substring(0, 1);
        String other = first.matches("[0-9]") ? "9" : "Z";
        String third = first.matches("[0-9]") ? "8" : "W";
        Verdict verdict = judge(starts(GOOD, state, other + state.substring(1), third + state.substring(1)));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(expected);
    }

    @Test
    void failsWhenPkceIsRequiredButAbsentAndPassesOnS256() {
        EnvironmentConfig required = config(OAuthSettings.Pkce.REQUIRED);

        assertThat(AuthorizeRedirect.judge(fresh(GOOD), required).message())
                .contains("no PKCE code_challenge, though oauth.pkce is required");
        assertThat(AuthorizeRedirect.judge(fresh(GOOD + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256"), required).status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenTheLoginDoesNotRedirectToGitHub() {
        assertThat(judge(new LoginStarts(List.of(redirect("https://evil.example/login/oauth/authorize?" + GOOD))))
                .message()).contains("not to GitHub's authorize URL https://github.com/login/oauth/authorize");
        HttpObservation page = HttpObservation.answered(new HttpExchange("GET", LOGIN, List.of(), 200, "OK",
                List.of(), "<html>", false, Duration.ofMillis(5)));
        assertThat(judge(new LoginStarts(List.of(page))).message()).contains("answered 200 without redirecting");
    }

    @Test
    void warnsWithoutRedirectUriSinceGitHubUsesTheRegisteredOne() {
        Verdict verdict = judge(fresh("client_id=Iv1.abc&scope=read:user"));

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).contains("no redirect_uri");
    }

    @Test
    void theAuthorizeUrlFollowsAGitHubEnterpriseServerPath() {
        assertThat(AuthorizeRedirect.authorizeUrl(URI.create("https://git.example.com/"))).hasToString(
                "https://git.example.com/login/oauth/authorize");
        assertThat(AuthorizeRedirect.authorizeUrl(URI.create("https://example.com/github"))).hasToString(
                "https://example.com/github/login/oauth/authorize");
    }
}
