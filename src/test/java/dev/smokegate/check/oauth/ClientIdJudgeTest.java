package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.oauth.ClientIdSightings;
import dev.smokegate.probe.oauth.LoginStarts;
import dev.smokegate.probe.secrets.PublicAssets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIdJudgeTest {

    private static final String PAGE = "https://app.example.com/";
    private static final String CHUNK = "https://app.example.com/_next/static/chunks/app/page-1.js";
    private static final URI LOGIN = URI.create("https://api.example.com/auth/github");
    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("prod", URI.create(PAGE),
            URI.create("https://api.example.com")).build();

    private static HttpObservation answer(String url, int status, String body, HttpExchange.Header... headers) {
        return HttpObservation.answered(new HttpExchange("GET", URI.create(url), List.of(), status, "",
                List.of(headers), body, false, Duration.ZERO));
    }

    private static PublicAssets frontend(String chunk, List<String> bounds) {
        return new PublicAssets(answer(PAGE, 200, "<html><script src=\"/c.js\"></script></html>"),
                List.of(answer(CHUNK, 200, chunk)), answer("https://api.example.com/health", 200, "{}"), Map.of(),
                List.of(), bounds);
    }

    private static LoginStarts backendSending(String clientId) {
        return new LoginStarts(List.of(answer(LOGIN.toString(), 302, "", new HttpExchange.Header("Location",
                "https://github.com/login/oauth/authorize?client_id=" + clientId + "&state=x"))));
    }

    private static Verdict judge(PublicAssets frontend, LoginStarts backend) {
        return ClientIdJudge.judge(new ClientIdSightings(frontend, backend), CONFIG);
    }

    @Test
    void passesWhenTheBundleCarriesTheBackendsClientId() {
        Verdict verdict = judge(frontend("env={NEXT_PUBLIC_GITHUB_CLIENT_ID:'Ov23liProductionApp1'}", List.of()),
                backendSending("Ov23liProductionApp1"));
        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("Ov23liProductionApp1 (in " + CHUNK + ") is the one the backend");
    }

    @Test
    void failsWhenTheBundleWasBuiltWithAnotherAppsClientId() {
        Verdict verdict = judge(frontend("env={NEXT_PUBLIC_GITHUB_CLIENT_ID:'Ov23liStagingSmokeg8'}", List.of()),
                backendSending("Ov23liProductionApp1"));
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("the frontend carries GitHub client id Ov23liStagingSmokeg8 (in "
                + CHUNK + "), but the backend's login sends client_id Ov23liProductionApp1");
    }

    @Test
    void failsWhenOneOfSeveralIdsInTheBundleIsForeign() {
        Verdict verdict = judge(frontend("a='Ov23liProductionApp1';b='Iv1.0123456789abcdef'", List.of()),
                backendSending("Ov23liProductionApp1"));
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("Iv1.0123456789abcdef").doesNotContain("client id Ov23liProductionApp1");
    }

    @Test
    void passesWhenTheFrontendCarriesNoClientIdAndSaysSo() {
        Verdict verdict = judge(frontend("console.log(1)", List.of("stopped at secrets.max-assets (1 fetches)")),
                backendSending("Ov23liProductionApp1"));
        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("carry no GitHub client id")
                .contains("stopped at secrets.max-assets");
    }

    @Test
    void cannotVerifyWhenTheBackendDoesNotRedirectToGitHub() {
        Verdict verdict = judge(frontend("console.log(1)", List.of()),
                new LoginStarts(List.of(answer(LOGIN.toString(), 500, "oops"))));
        assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(verdict.message()).contains("did not redirect to GitHub with a client_id");
    }

    @Test
    void cannotVerifyWhenTheFrontendDoesNotAnswer() {
        PublicAssets down = new PublicAssets(HttpObservation.unanswered(HttpRequest.get(URI.create(PAGE)),
                HttpFailure.TIMED_OUT, "no response within 3s", Duration.ofSeconds(3)), List.of(),
                answer("https://api.example.com/health", 200, "{}"), Map.of(), List.of(), List.of());
        Verdict verdict = judge(down, backendSending("Ov23liProductionApp1"));
        assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
        assertThat(verdict.message()).contains("no response within 3s");
    }
}
