package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.http.PreloadObservation;
import dev.smokegate.probe.http.RedirectChain;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreloadEligibilityTest {

    private static final String GOOD_HSTS = "max-age=63072000; includeSubDomains; preload";

    /** A hop answering {@code status}, redirecting to {@code location} when given, with HSTS when given. */
    private static HttpObservation hop(String url, int status, String location, String... hsts) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        if (location != null) {
            headers.add(new HttpExchange.Header("Location", location));
        }
        for (String value : hsts) {
            headers.add(new HttpExchange.Header("Strict-Transport-Security", value));
        }
        return HttpObservation.answered(new HttpExchange("GET", URI.create(url), List.of(), status, "", headers, "",
                false, Duration.ofMillis(5)));
    }

    private static HttpObservation noAnswer(String url, HttpFailure kind, String why) {
        return HttpObservation.unanswered(HttpRequest.get(URI.create(url)), kind, why, Duration.ofMillis(5));
    }

    private static RedirectChain chain(HttpObservation... hops) {
        return new RedirectChain(List.of(hops));
    }

    /** example.com the way hstspreload.org wants it: http → https same host → www, HSTS on the https hop. */
    private static PreloadObservation healthy() {
        return new PreloadObservation("example.com",
                chain(hop("http://example.com/", 301, "https://example.com/"),
                        hop("https://example.com/", 308, "https://www.example.com/", GOOD_HSTS),
                        hop("https://www.example.com/", 200, null, GOOD_HSTS)),
                chain(hop("https://example.com/", 308, "https://www.example.com/", GOOD_HSTS),
                        hop("https://www.example.com/", 200, null, GOOD_HSTS)),
                hop("https://www.example.com/", 200, null, GOOD_HSTS));
    }

    private static PreloadObservation withHsts(String... hsts) {
        return new PreloadObservation("example.com",
                chain(hop("http://example.com/", 301, "https://example.com/"),
                        hop("https://example.com/", 200, null, hsts)),
                chain(hop("https://example.com/", 200, null, hsts)),
                noAnswer("https://www.example.com/", HttpFailure.UNRESOLVED, "could not resolve host"));
    }

    @Test
    void passesWhenHttpGoesToHttpsOnTheSameHostThenToWww() {
        Verdict verdict = PreloadEligibility.judge(healthy());
        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("example.com meets the hstspreload.org requirements", GOOD_HSTS);
    }

    @Test
    void failsWhenPreloadDirectiveIsMissing() {
        Verdict verdict = PreloadEligibility.judge(withHsts("max-age=31536000; includeSubDomains"));
        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("lacks the preload directive");
    }

    @Test
    void failsWhenMaxAgeIsBelowOneYearOrUnparseable() {
        assertThat(PreloadEligibility.judge(withHsts("max-age=10886400; includeSubDomains; preload")).message())
                .contains("max-age=10886400 is below one year");
        assertThat(PreloadEligibility.judge(withHsts("max-age=\"31536000\"; includeSubDomains; preload")).message())
                .contains("max-age is quoted");
    }

    /**
     * The error/warning split of hstspreload.org's own parser tests (chromium/hstspreload, header_test.go): only an
     * unusable max-age is an error; repeated, unknown and valued directives are warnings.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "preload; includeSubDomains; preload; max-age=31536000; preload | WARN",
            "includeSubDomains; max-age=31536000; preload; extraDirective | WARN",
            "max-age=31536000; extra; includeSubDomains; directives; preload | WARN",
            "max-age=31536000; includeSubDomains; includeSubDomains; preload | WARN",
            "max-age=31536000; max-age=31536000; includeSubDomains; preload | WARN",
            "max-age=31536000; includeSubDomains; preload=yes; preload | WARN",
            "max-age=-101; includeSubDomains; preload | FAIL",
            "max-age=+101; includeSubDomains; preload | FAIL",
            "includeSubDomains; preload; max-age | FAIL",
            "includeSubDomains; preload; max-age= | FAIL",
            "max-age=31536000; includeSubDomains=yes; preload | FAIL"})
    void classifiesHeaderProblemsAsHstspreloadDoes(String header, Verdict.Status expected) {
        Verdict verdict = PreloadEligibility.judge(withHsts(header));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(expected);
    }

    @Test
    void failsOnTwoHeadersAndOnNone() {
        assertThat(PreloadEligibility.judge(withHsts(GOOD_HSTS, GOOD_HSTS)).message())
                .contains("2 Strict-Transport-Security headers on https://example.com/");
        assertThat(PreloadEligibility.judge(withHsts()).message())
                .contains("no Strict-Transport-Security header on https://example.com/");
    }

    @Test
    void warnsOnRepeatedOrUnknownDirectivesAndOnMoreThanTenYears() {
        Verdict repeated = PreloadEligibility.judge(withHsts("max-age=31536000; includeSubDomains; preload; preload"));
        assertThat(repeated.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(repeated.message()).contains("preload appears more than once");

        Verdict long_ = PreloadEligibility.judge(withHsts("max-age=999999999; includeSubDomains; preload"));
        assertThat(long_.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(long_.message()).contains("longer than ten years");
    }

    @Test
    void failsWhenHttpRedirectsStraightToWww() {
        PreloadObservation observed = new PreloadObservation("example.com",
                chain(hop("http://example.com/", 301, "https://www.example.com/"),
                        hop("https://www.example.com/", 200, null, GOOD_HSTS)),
                healthy().fromHttps(), healthy().www());
        Verdict verdict = PreloadEligibility.judge(observed);
        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("http://example.com/ redirects first to https://www.example.com/; "
                + "it must redirect to https://example.com/ before adding www");
    }

    @Test
    void failsWhenTheFirstRedirectLacksHstsThoughTheRootHasIt() {
        PreloadObservation observed = new PreloadObservation("example.com",
                chain(hop("http://example.com/", 301, "https://example.com/landing"),
                        hop("https://example.com/landing", 200, null)),
                healthy().fromHttps(), healthy().www());
        assertThat(PreloadEligibility.judge(observed).message()).contains("redirects to https://example.com/landing, "
                + "which serves no preloadable HSTS header");
    }

    @Test
    void failsOnAPlainHttpHopAnywhereInTheChain() {
        PreloadObservation observed = new PreloadObservation("example.com",
                healthy().fromHttp(),
                chain(hop("https://example.com/", 308, "http://www.example.com/", GOOD_HSTS),
                        hop("http://www.example.com/", 301, "https://www.example.com/"),
                        hop("https://www.example.com/", 200, null)),
                healthy().www());
        assertThat(PreloadEligibility.judge(observed).message())
                .contains("https://example.com/ redirects to an insecure page on redirect #1: http://www.example.com/");
    }

    @Test
    void failsOnMoreThanThreeRedirects() {
        PreloadObservation observed = new PreloadObservation("example.com", healthy().fromHttp(),
                chain(hop("https://example.com/", 301, "https://example.com/1", GOOD_HSTS),
                        hop("https://example.com/1", 301, "https://example.com/2"),
                        hop("https://example.com/2", 301, "https://example.com/3"),
                        hop("https://example.com/3", 301, "https://example.com/4"),
                        hop("https://example.com/4", 200, null)),
                healthy().www());
        assertThat(PreloadEligibility.judge(observed).message())
                .contains("more than 3 redirects starting from https://example.com/");
    }

    @Test
    void failsWhenHttpDoesNotRedirect() {
        PreloadObservation observed = new PreloadObservation("example.com",
                chain(hop("http://example.com/", 200, null)), healthy().fromHttps(), healthy().www());
        assertThat(PreloadEligibility.judge(observed).message())
                .contains("http://example.com/ does not redirect (HTTP 200)");
    }

    @Test
    void onlyWarnsWhenPlainHttpIsNotServedAtAll() {
        PreloadObservation observed = new PreloadObservation("example.com",
                chain(noAnswer("http://example.com/", HttpFailure.REFUSED, "connection refused by example.com:80")),
                healthy().fromHttps(), healthy().www());
        Verdict verdict = PreloadEligibility.judge(observed);
        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("http://example.com/ does not answer");
    }

    @Test
    void failsWhenWwwExistsWithoutValidHttpsButNotWhenItDoesNotExist() {
        PreloadObservation badWww = new PreloadObservation("example.com", healthy().fromHttp(),
                healthy().fromHttps(), noAnswer("https://www.example.com/", HttpFailure.TLS,
                "TLS handshake with www.example.com:443 failed: No subject alternative DNS name matching"));
        assertThat(PreloadEligibility.judge(badWww).message())
                .contains("www.example.com exists but does not serve valid HTTPS");

        PreloadObservation noWww = new PreloadObservation("example.com", withHsts(GOOD_HSTS).fromHttp(),
                withHsts(GOOD_HSTS).fromHttps(), noAnswer("https://www.example.com/", HttpFailure.REFUSED,
                "connection refused"));
        assertThat(PreloadEligibility.judge(noWww).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsWhenTheApexCannotBeFetchedOverValidHttps() {
        PreloadObservation observed = new PreloadObservation("example.com", healthy().fromHttp(),
                chain(noAnswer("https://example.com/", HttpFailure.TLS, "TLS handshake failed: PKIX path building")),
                healthy().www());
        assertThat(PreloadEligibility.judge(observed).message())
                .contains("https://example.com/ cannot be fetched over valid HTTPS: TLS handshake failed");
    }

    @Test
    void failsForASubdomainAndNamesTheDomainToSubmit() {
        PreloadObservation observed = new PreloadObservation("app.example.co.uk", healthy().fromHttp(),
                healthy().fromHttps(), healthy().www());
        assertThat(PreloadEligibility.judge(observed).message())
                .contains("app.example.co.uk is a subdomain", "submit example.co.uk");
    }
}
