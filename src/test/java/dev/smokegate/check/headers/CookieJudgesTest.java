package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HeaderPolicy;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieJudgesTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
                    URI.create("https://app.example.com"), URI.create("https://api.example.com"))
            .headers(new HeaderPolicy(31536000, true, Set.of("sid", "__Host-sid"), java.util.Optional.empty(),
                    java.util.List.of(), java.util.List.of())).build();

    private static Verdict judge(String setCookie) {
        HttpExchange response = new HttpExchange("GET", URI.create("https://app.example.com/"), List.of(), 200,
                "OK", List.of(new HttpExchange.Header("set-cookie", setCookie)), "", false, Duration.ofMillis(5));
        return CookieJudges.flags(response, CONFIG);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax | PASS | cookies [sid]",
            "theme=dark; secure; samesite=STRICT | PASS | cookies [theme]",
            "tracker=1; Secure; SameSite=None | PASS | cookies [tracker]",
            "sid=abc; Path=/; Secure; SameSite=Lax | FAIL | session cookie sid lacks HttpOnly",
            "theme=dark; SameSite=Lax | FAIL | theme lacks Secure",
            "theme=dark; Secure | FAIL | theme has no SameSite attribute",
            "theme=dark; SameSite=None | FAIL | theme has SameSite=None without Secure",
            "__Host-sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/; Domain=example.com | FAIL | breaks the __Host- rules",
            "__Host-sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/app | FAIL | breaks the __Host- rules"})
    void judgesCookieAttributesWithoutRepeatingValues(String setCookie, Verdict.Status expected, String fragment) {
        Verdict verdict = judge(setCookie);

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(expected);
        assertThat(verdict.message()).contains(fragment).doesNotContain("abc");
    }
}
