package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HeaderPolicy;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeaderJudgesTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();

    private static HttpExchange response(String... headerPairs) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new HttpExchange.Header(headerPairs[i], headerPairs[i + 1]));
        }
        return new HttpExchange("GET", URI.create("https://app.example.com/"), List.of(), 200, "OK", headers, "",
                false, Duration.ofMillis(10));
    }

    @Test
    void hstsPassesOnTheRecommendedPolicyAndHonoursTheConfiguredMinimum() {
        assertThat(SecurityHeaderJudges.hsts(response("strict-transport-security",
                "max-age=31536000; includeSubDomains; preload"), CONFIG).status()).isEqualTo(Verdict.Status.PASS);

        EnvironmentConfig lenient = CONFIG.newBuilder().headers(new HeaderPolicy(86400, false, java.util.Set.of(),
                java.util.Optional.empty(), java.util.List.of(),
                java.util.List.of())).build();
        assertThat(SecurityHeaderJudges.hsts(response("Strict-Transport-Security", "max-age=86400"), lenient)
                .status()).isEqualTo(Verdict.Status.PASS);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "max-age=63072000; includeSubDomains; preload; extraDirective | WARN | unknown directive",
            "max-age=63072000; includeSubDomains; preload; preload | WARN | preload appears more than once",
            "max-age=63072000; includeSubDomains; preload=now | WARN | preload takes no value",
            "max-age=\"63072000\"; includeSubDomains | WARN | max-age is quoted",
            "max-age=63072000; max-age=63072000; includeSubDomains | FAIL | browsers ignore the whole header",
            "max-age=63072000; includeSubDomains; includeSubDomains | FAIL | includeSubDomains appears more than once",
            "max-age=63072000; includeSubDomains=1 | FAIL | includeSubDomains takes no value",
            "max-age=abc; includeSubDomains | FAIL | max-age must be a number of seconds",
            "includeSubDomains; preload | FAIL | max-age is missing",
            "max-age=63072000; extraDirective | FAIL | includeSubDomains is missing",
            "max-age=600; includeSubDomains; extraDirective | FAIL | max-age=600 is below"})
    void hstsFailsOnlyWhenBrowsersIgnoreTheHeaderOrThePolicyIsTooWeak(String header, Verdict.Status expected,
                                                                       String message) {
        Verdict verdict = SecurityHeaderJudges.hsts(response("Strict-Transport-Security", header), CONFIG);

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(expected);
        assertThat(verdict.message()).contains(message);
    }

    @Test
    void frameProtectionAcceptsCspFrameAncestorsButNotAllowFrom() {
        assertThat(SecurityHeaderJudges.frameProtection(response("Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'none'"), CONFIG).status()).isEqualTo(Verdict.Status.PASS);
        assertThat(SecurityHeaderJudges.frameProtection(response("X-Frame-Options", "sameorigin"), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(SecurityHeaderJudges.frameProtection(response("X-Frame-Options",
                "ALLOW-FROM https://x.example"), CONFIG).message()).contains("ALLOW-FROM is ignored");
        assertThat(SecurityHeaderJudges.frameProtection(response("Content-Security-Policy-Report-Only",
                "frame-ancestors 'none'"), CONFIG).status()).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void nosniffMustBeExactlyOneNosniff() {
        assertThat(SecurityHeaderJudges.nosniff(response("X-Content-Type-Options", " NoSniff "), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(SecurityHeaderJudges.nosniff(response("X-Content-Type-Options", "sniff"), CONFIG).status())
                .isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void referrerPolicyUsesTheLastPolicyABrowserKnows() {
        assertThat(SecurityHeaderJudges.referrerPolicy(response("Referrer-Policy", "unsafe-url, no-referrer"),
                CONFIG).status()).isEqualTo(Verdict.Status.PASS);
        assertThat(SecurityHeaderJudges.referrerPolicy(response("Referrer-Policy", "no-referrer, origin"), CONFIG)
                .message()).contains("Referrer-Policy origin leaks");
        assertThat(SecurityHeaderJudges.referrerPolicy(response("Referrer-Policy", "strictest"), CONFIG).message())
                .contains("names no policy a browser knows");
    }

    @Test
    void permissionsPolicyMustParseAsAStructuredFieldDictionary() {
        assertThat(SecurityHeaderJudges.permissionsPolicy(response("Permissions-Policy",
                "camera=(), geolocation=(self \"https://maps.example\"), fullscreen=*"), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(SecurityHeaderJudges.permissionsPolicy(response("Permissions-Policy",
                "camera 'none'; microphone 'none'"), CONFIG).message()).contains("does not parse");
    }
}
