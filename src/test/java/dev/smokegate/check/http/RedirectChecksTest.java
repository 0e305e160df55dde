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
import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectChecksTest {

    private static final String HTTP_APP = "http://app.example.com/";
    private final Check<HttpObservation> https = Recorded.byId("http.https-redirect");
    private final Check<RedirectChain> canonical = Recorded.byId("http.canonical-redirect");
    private final Target app = new Target("frontend", HTTP_APP);
    private final Target www = new Target("alias", "https://www.example.com/");

    @Test
    void httpsRedirectTargetsEveryHttpsOriginOnce() {
        assertThat(https.targets(CONFIG)).extracting(Target::address).containsExactly(
                "http://app.example.com/", "http://api.example.com/", "http://www.example.com/");
    }

    @Test
    void passesOnPermanentRedirectToSameHost() {
        assertThat(https.judge(response(HTTP_APP, 308, "", "Location", "https://app.example.com/"), app, CONFIG)
                .status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsOnTemporaryRedirect() {
        Verdict verdict = https.judge(response(HTTP_APP, 302, "", "Location", "https://app.example.com/"), app,
                CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("302, a temporary redirect; expected 301 or 308");
    }

    @Test
    void failsWhenFirstHopGoesToAnotherHost() {
        Verdict verdict = https.judge(response(HTTP_APP, 301, "", "Location", "https://www.example.com/"), app,
                CONFIG);

        assertThat(verdict.message()).contains("redirects first to another host");
    }

    @Test
    void failsWhenPlainHttpServesContent() {
        assertThat(https.judge(response(HTTP_APP, 200, "<html>"), app, CONFIG).message())
                .contains("got 200 Reason over plain http");
    }

    @Test
    void failsWhenRedirectStaysOnHttp() {
        assertThat(https.judge(response(HTTP_APP, 301, "", "Location", "http://app.example.com/x"), app, CONFIG)
                .message()).contains("which is not https");
    }

    @Test
    void failsWhenPortEightyIsClosed() {
        assertThat(https.judge(noAnswer(HTTP_APP, "connection refused by app.example.com:80"), app, CONFIG)
                .message()).contains("got no answer: connection refused");
    }

    @Test
    void canonicalPassesOnOneHopToTheApexThatAnswers() {
        RedirectChain chain = new RedirectChain(List.of(
                response(www.address(), 308, "", "Location", "https://app.example.com/"),
                response("https://app.example.com/", 200, "<html>")));

        assertThat(canonical.judge(chain, www, CONFIG).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void canonicalFailsWhenAliasServesContent() {
        RedirectChain chain = new RedirectChain(List.of(response(www.address(), 200, "<html>")));

        assertThat(canonical.judge(chain, www, CONFIG).message()).contains("the alias serves content itself");
    }

    @Test
    void canonicalFailsWhenRedirectingElsewhere() {
        RedirectChain chain = new RedirectChain(List.of(
                response(www.address(), 301, "", "Location", "https://shop.example.com/"),
                response("https://shop.example.com/", 200, "")));

        assertThat(canonical.judge(chain, www, CONFIG).message())
                .contains("redirects to https://shop.example.com/, expected https://app.example.com");
    }

    @Test
    void canonicalFailsWhenTheCanonicalOriginDoesNotAnswer() {
        RedirectChain chain = new RedirectChain(List.of(
                response(www.address(), 301, "", "Location", "https://app.example.com/"),
                noAnswer("https://app.example.com/", "connection refused by app.example.com:443")));

        assertThat(canonical.judge(chain, www, CONFIG).message())
                .contains("the canonical origin then does not answer: connection refused");
    }
}
