package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CspSourceMatchTest {

    private static final URI PAGE = URI.create("https://app.example.com/");

    private static CspSourceMatch match(String sources, String url) {
        return CspSourceMatch.of(List.of(sources.split(" ")), URI.create(url), PAGE);
    }

    @Test
    void allowsAnExactHostSourceWithOrWithoutSchemeAndAWildcardSubdomain() {
        assertThat(match("https://api.example.com", "https://api.example.com/v1")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("api.example.com", "https://api.example.com")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("*.example.com", "https://api.example.com")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("HTTPS://API.EXAMPLE.COM", "https://api.example.com")).isEqualTo(CspSourceMatch.ALLOWED);
    }

    @Test
    void blocksOtherHostsPortsSchemesAndTheApexUnderAWildcard() {
        assertThat(match("'self' https://cdn.example.com", "https://api.example.com"))
                .isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("https://api.example.com", "https://api.example.com:8443"))
                .isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("https://api.example.com:*", "https://api.example.com:8443"))
                .isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("https://api.example.com", "http://api.example.com")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("*.example.com", "https://example.com")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("'none'", "https://api.example.com")).isEqualTo(CspSourceMatch.BLOCKED);
    }

    @Test
    void allowsSecureUpgradesFromInsecureExpressions() {
        assertThat(match("http://api.example.com", "https://api.example.com")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("ws://api.example.com", "wss://api.example.com")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("https:", "https://anything.example.net")).isEqualTo(CspSourceMatch.ALLOWED);
    }

    @Test
    void tellsApartWebSocketsAllowedOnlyByCsp3Rules() {
        assertThat(match("'self'", "wss://app.example.com/ws")).isEqualTo(CspSourceMatch.ALLOWED_BY_CSP3_ONLY);
        assertThat(match("https://api.example.com", "wss://api.example.com/ws"))
                .isEqualTo(CspSourceMatch.ALLOWED_BY_CSP3_ONLY);
        assertThat(match("wss://api.example.com", "wss://api.example.com/ws")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("'self'", "wss://api.example.com/ws")).isEqualTo(CspSourceMatch.BLOCKED);
    }

    @Test
    void honoursSourcePaths() {
        assertThat(match("https://cdn.example.com/assets/", "https://cdn.example.com/assets/app.js"))
                .isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("https://cdn.example.com/assets/app.js", "https://cdn.example.com/other.js"))
                .isEqualTo(CspSourceMatch.BLOCKED);
    }

    @Test
    void aStarHostMatchesAnyHostWithinItsSchemePortAndPath() {
        assertThat(match("https://*", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("http://*", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("*:*", "https://evil.example.net:8443/x.js")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("https://*:8443", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("https://*/js/", "https://evil.example.net/js/x.js")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("https://*/js/", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("wss://*", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.BLOCKED);
    }

    @Test
    void tokensOutsideTheGrammarMatchNothing() {
        assertThat(match("//*", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("*.", "https://evil.example.net/x.js")).isEqualTo(CspSourceMatch.BLOCKED);
        assertThat(match("//api.example.com", "https://api.example.com/")).isEqualTo(CspSourceMatch.BLOCKED);
    }

    @Test
    void aDataUrlMatchesOnlyTheDataScheme() {
        assertThat(match("data:", "data:text/javascript,x")).isEqualTo(CspSourceMatch.ALLOWED);
        assertThat(match("* 'self' https: *.example.com", "data:text/javascript,x"))
                .isEqualTo(CspSourceMatch.BLOCKED);
    }
}
