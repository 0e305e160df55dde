package dev.smokegate.check.http;

import static dev.smokegate.check.http.Recorded.CONFIG;
import static dev.smokegate.check.http.Recorded.noAnswer;
import static dev.smokegate.check.http.Recorded.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.RedirectChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontendOkCheckTest {

    private static final String PAGE = "https://app.example.com/";
    private static final String HTML = "text/html; charset=utf-8";

    private final Check<RedirectChain> frontend = Recorded.byId("http.frontend.ok");
    private final Target target = new Target("frontend", PAGE);

    private Verdict judge(HttpObservation... hops) {
        return frontend.judge(new RedirectChain(List.of(hops)), target, CONFIG);
    }

    @Test
    void targetsTheFrontendsConfiguredPage() {
        assertThat(frontend.targets(CONFIG)).containsExactly(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/html; charset=utf-8", "TEXT/HTML;charset=UTF-8",
            "application/xhtml+xml"})
    void passesOnAnHtmlPage(String contentType) {
        Verdict verdict = judge(response(PAGE, 200, "<!doctype html>", "Content-Type", contentType));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("answered 200 with HTML in 40 ms (warn over 3000 ms, fail over 8000 ms)");
    }

    @Test
    void passesAfterARedirectWithinItsOwnOrigin() {
        Verdict verdict = judge(response(PAGE, 307, "", "Location", "/login?next=%2F"),
                response("https://app.example.com/login?next=%2F", 200, "<html>", "Content-Type", HTML));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).startsWith("redirected to /login, which answered 200");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 404, 401})
    void failsWhenThePageAnswersAnError(int status) {
        Verdict verdict = judge(response(PAGE, status, "no healthy deployment", "Content-Type", HTML));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("answered " + status + " Reason, expected 2xx with an HTML page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection refused by app.example.com:443",
            "no response within 10s from app.example.com:443 (connection accepted, nothing answered)",
            "TLS handshake with app.example.com:443 failed: certificate does not match app.example.com",
            "could not resolve host app.example.com"})
    void failsWhenNothingAnswers(String failure) {
        Verdict verdict = judge(noAnswer(PAGE, failure));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).isEqualTo("expected an HTML page from " + PAGE + ", got no answer: " + failure);
    }

    @Test
    void failsWhenAnsweredWithSomethingOtherThanAPage() {
        assertThat(judge(response(PAGE, 200, "{}", "Content-Type", "application/json")).message())
                .contains("answered 200 with application/json, expected an HTML page");
        assertThat(judge(response(PAGE, 204, "")).message())
                .contains("answered 204 with no Content-Type, expected an HTML page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://vercel.com/login", "http://app.example.com/", "https://app.example.com:8443/",
            "https://www.example.com/"})
    void failsWhenRedirectedAwayFromItsOwnOrigin(String location) {
        Verdict verdict = judge(response(PAGE, 302, "", "Location", location),
                response(location, 200, "<html>", "Content-Type", HTML));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("redirects away from its own origin, to " + location);
    }

    @Test
    void failsWhenTheRedirectTargetDoesNotAnswer() {
        Verdict verdict = judge(response(PAGE, 302, "", "Location", "/login"),
                noAnswer("https://app.example.com/login", "connection refused by app.example.com:443"));

        assertThat(verdict.message()).isEqualTo("redirected to https://app.example.com/login, which did not answer: "
                + "connection refused by app.example.com:443");
    }

    @Test
    void failsWhenStillRedirectingAfterTheLastHop() {
        List<HttpObservation> loop = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            loop.add(response(PAGE, 302, "", "Location", PAGE));
        }

        assertThat(frontend.judge(new RedirectChain(loop), target, CONFIG).message())
                .contains("still redirecting after 5 redirects");
    }

    @Test
    void warnsWhenThePageTakesLongerThanItsWarnLevelRedirectsIncluded() {
        Verdict verdict = judge(response(PAGE, 302, Duration.ofMillis(1200), "", "Location", "/home"),
                response("https://app.example.com/home", 200, Duration.ofMillis(2000), "<html>", "Content-Type",
                        HTML));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("answered 200 with HTML in 3200 ms, slower than the warn level of "
                + "3000 ms");
    }

    @Test
    void failsWhenThePageTakesLongerThanItsFailLevelRedirectsIncluded() {
        Verdict verdict = judge(response(PAGE, 302, Duration.ofMillis(1200), "", "Location", "/home"),
                response("https://app.example.com/home", 200, Duration.ofMillis(7000), "<html>", "Content-Type",
                        HTML));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("answered 200 with HTML in 8200 ms, over the latency fail level of "
                + "8000 ms (thresholds.frontend-latency)");
    }
}
