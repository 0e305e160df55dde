package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.oauth.ForgedCallbacks;
import dev.smokegate.probe.oauth.ForgedCallbacks.Attempt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForgedCallbackJudgeTest {

    private static final URI CALLBACK = URI.create("https://api.example.com/auth/github/callback?code=x");
    private static final URI ME = URI.create("https://api.example.com/api/me");

    private static EnvironmentConfig config(Optional<URI> me) {
        OAuthSettings n = OAuthSettings.NONE;
        return EnvironmentConfig.builder("prod", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).oauth(new OAuthSettings(n.githubUrl(), n.githubApiUrl(),
                n.clientId(), Optional.of(URI.create("https://api.example.com/auth/github")),
                Optional.of(CALLBACK), n.allowedScopes(), n.pkce(), n.signInSelector(), me, n.meLoginField(),
                n.logoutUrl(), n.logoutMethod(), n.sessionCookie(), n.sameSite(), n.maxSessionLifetime(),
                n.account())).build();
    }

    private static final EnvironmentConfig WITH_ME = config(Optional.of(ME));

    private static HttpObservation answer(URI url, int status) {
        return HttpObservation.answered(new HttpExchange("GET", url, List.of(), status, "", List.of(), "", false,
                Duration.ofMillis(3)));
    }

    private static ForgedCallbacks four(int callbackStatus, int meStatus) {
        return new ForgedCallbacks(List.of(
                new Attempt("no state", answer(CALLBACK, callbackStatus), Optional.of(answer(ME, meStatus))),
                new Attempt("a state the app never issued", answer(CALLBACK, callbackStatus),
                        Optional.of(answer(ME, meStatus))),
                new Attempt("the issued state with a made-up code", answer(CALLBACK, callbackStatus),
                        Optional.of(answer(ME, meStatus))),
                new Attempt("the same state again (a replay)", answer(CALLBACK, callbackStatus),
                        Optional.of(answer(ME, meStatus)))));
    }

    /** A refusal may be a 4xx, an error page or a redirect to the login page, as long as nobody is signed in. */
    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 200, 302})
    void passesOnAnyRefusalThatSignsNobodyIn(int status) {
        Verdict verdict = ForgedCallbackJudge.judge(four(status, 401), WITH_ME);

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("no state → " + status).contains("nobody was signed in");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void failsOnAServerError(int status) {
        Verdict verdict = ForgedCallbackJudge.judge(four(status, 401), WITH_ME);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("no state: the callback answered " + status + ", a server error");
    }

    @Test
    void failsWhenAForgedCallbackSignsTheVisitorIn() {
        Verdict verdict = ForgedCallbackJudge.judge(four(302, 200), WITH_ME);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("a state the app never issued: the visitor is signed in afterwards "
                + "(https://api.example.com/api/me → 200)");
    }

    @Test
    void failsWhenTheCallbackDoesNotAnswer() {
        HttpObservation silent = HttpObservation.unanswered(HttpRequest.get(CALLBACK), HttpFailure.TIMED_OUT,
                "no response within 5s", Duration.ofSeconds(5));

        Verdict verdict = ForgedCallbackJudge.judge(new ForgedCallbacks(List.of(new Attempt("no state", silent,
                Optional.empty()))), WITH_ME);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("the callback did not answer (no state): no response within 5s");
    }

    @Test
    void warnsWhenItCouldOnlyJudgeStatusCodesOrNotReplay() {
        ForgedCallbacks two = new ForgedCallbacks(List.of(
                new Attempt("no state", answer(CALLBACK, 403), Optional.empty()),
                new Attempt("a state the app never issued", answer(CALLBACK, 403), Optional.empty())));

        Verdict verdict = ForgedCallbackJudge.judge(two, config(Optional.empty()));

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).contains("made-up-code and replay cases were not tried")
                .contains("without oauth.me-url only the status codes were judged");
    }
}
