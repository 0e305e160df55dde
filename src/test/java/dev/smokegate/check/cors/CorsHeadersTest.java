package dev.smokegate.check.cors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpExchange.Header;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorsHeadersTest {

    private static CorsHeaders parse(String... pairs) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(new Header(pairs[i], pairs[i + 1]));
        }
        return CorsHeaders.of(new HttpExchange("OPTIONS", URI.create("https://api.example.com/health"), List.of(),
                204, "No Content", headers, "", false, Duration.ofMillis(5)));
    }

    @Test
    void readsHeaderNamesCaseInsensitivelyAndTrimsValues() {
        CorsHeaders headers = parse("access-control-allow-origin", " https://app.example.com ",
                "ACCESS-CONTROL-ALLOW-CREDENTIALS", "true");

        assertThat(headers.origin()).contains("https://app.example.com");
        assertThat(headers.credentials()).isTrue();
    }

    @Test
    void rejectsDuplicateAllowOriginHeadersLikeBrowsers() {
        CorsHeaders headers = parse("Access-Control-Allow-Origin", "https://app.example.com",
                "Access-Control-Allow-Origin", "https://app.example.com");

        assertThat(headers.origin()).isEmpty();
        assertThat(headers.originProblem()).hasValueSatisfying(p -> assertThat(p)
                .contains("2 Access-Control-Allow-Origin headers").contains("browsers reject"));
        assertThat(headers.echoes("https://app.example.com")).isTrue();
    }

    @Test
    void rejectsAListOfOriginsInOneAllowOriginHeader() {
        CorsHeaders headers = parse("Access-Control-Allow-Origin", "https://app.example.com, https://evil.test");

        assertThat(headers.origin()).isEmpty();
        assertThat(headers.originProblem()).hasValueSatisfying(p -> assertThat(p).contains("lists several origins"));
        assertThat(headers.echoes("https://evil.test")).isTrue();
    }

    @Test
    void absentAllowOriginIsNoOriginAndNoProblem() {
        CorsHeaders headers = parse("Vary", "Origin");

        assertThat(headers.origin()).isEmpty();
        assertThat(headers.originProblem()).isEmpty();
        assertThat(headers.wildcardOrigin()).isFalse();
    }

    @Test
    void recognisesTheWildcardOrigin() {
        assertThat(parse("Access-Control-Allow-Origin", "*").wildcardOrigin()).isTrue();
        assertThat(parse("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Origin", "*").wildcardOrigin())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true | true", "True | false", "TRUE | false", "false | false",
            "'true, true' | false", "yes | false"})
    void enablesCredentialsOnlyForExactlyTrue(String value, boolean enabled) {
        assertThat(parse("Access-Control-Allow-Credentials", value).credentials()).isEqualTo(enabled);
    }

    @Test
    void repeatedCredentialsHeadersEnableNothing() {
        assertThat(parse("Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Credentials", "true")
                .credentials()).isFalse();
    }

    @Test
    void splitsMethodListsOnCommasIgnoringWhitespaceAndEmptyItems() {
        CorsHeaders headers = parse("Access-Control-Allow-Methods", " GET ,, PUT,", "Access-Control-Allow-Methods",
                "DELETE");

        assertThat(headers.methods()).containsExactly("GET", "PUT", "DELETE");
        assertThat(headers.allowsMethod("PUT", true)).isTrue();
        assertThat(headers.allowsMethod("DELETE", true)).isTrue();
        assertThat(headers.allowsMethod("PATCH", false)).isFalse();
    }

    @Test
    void safelistedMethodsNeedNoListing() {
        CorsHeaders headers = parse();

        assertThat(headers.allowsMethod("GET", true)).isTrue();
        assertThat(headers.allowsMethod("HEAD", true)).isTrue();
        assertThat(headers.allowsMethod("POST", true)).isTrue();
        assertThat(headers.allowsMethod("PUT", true)).isFalse();
    }

    @Test
    void comparesMethodsCaseSensitively() {
        assertThat(parse("Access-Control-Allow-Methods", "put").allowsMethod("PUT", false)).isFalse();
    }

    @Test
    void wildcardMethodsCountOnlyWithoutCredentials() {
        CorsHeaders headers = parse("Access-Control-Allow-Methods", "*");

        assertThat(headers.allowsMethod("DELETE", false)).isTrue();
        assertThat(headers.allowsMethod("DELETE", true)).isFalse();
    }

    @Test
    void comparesRequestHeaderNamesCaseInsensitively() {
        CorsHeaders headers = parse("Access-Control-Allow-Headers", "content-type, X-API-KEY");

        assertThat(headers.allowsHeader("Content-Type", true)).isTrue();
        assertThat(headers.allowsHeader("x-api-key", true)).isTrue();
        assertThat(headers.allowsHeader("Authorization", true)).isFalse();
    }

    @Test
    void wildcardHeadersCountOnlyWithoutCredentialsAndNeverForAuthorization() {
        CorsHeaders headers = parse("Access-Control-Allow-Headers", "*");

        assertThat(headers.allowsHeader("X-Api-Key", false)).isTrue();
        assertThat(headers.allowsHeader("X-Api-Key", true)).isFalse();
        assertThat(headers.allowsHeader("Authorization", false)).isFalse();
        assertThat(parse("Access-Control-Allow-Headers", "*, authorization").allowsHeader("Authorization", false))
                .isTrue();
    }

    @Test
    void combinesVaryHeadersCaseInsensitively() {
        assertThat(parse("Vary", "Accept-Encoding", "vary", "ORIGIN").variesByOrigin()).isTrue();
        assertThat(parse("Vary", "Accept-Encoding, origin").variesByOrigin()).isTrue();
        assertThat(parse("Vary", "*").variesByOrigin()).isTrue();
        assertThat(parse("Vary", "Accept-Encoding, Origin-Agent").variesByOrigin()).isFalse();
        assertThat(parse().variesByOrigin()).isFalse();
    }

    @Test
    void quotesSentValuesOrSaysAbsent() {
        assertThat(CorsHeaders.quote("Vary", List.of())).isEqualTo("Vary absent");
        assertThat(CorsHeaders.quote("Vary", List.of("Accept", "Cookie"))).isEqualTo("Vary \"Accept | Cookie\"");
    }
}
