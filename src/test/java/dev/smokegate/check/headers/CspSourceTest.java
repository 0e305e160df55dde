package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSP3 §2.3.1's source-expression grammar; ABNF literals are case-insensitive (RFC 5234 §2.3). */
class CspSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"'nonce-abc'", "'NONCE-abc'", "'Nonce-r4nd0m+/=='", "'nonce-url_safe-value='"})
    void readsNoncesWithBase64OrBase64UrlValuesInAnyCase(String expression) {
        assertThat(CspSource.parse(expression)).isInstanceOf(CspSource.Nonce.class);
    }

    @Test
    void keepsTheNonceValueAsWrittenSinceNoncesCompareExactly() {
        assertThat(CspSource.parse("'NONCE-AbC='")).isEqualTo(new CspSource.Nonce("AbC="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'sha256-abc='", "'sha384-abc'", "'sha512-abc=='", "'SHA256-abc'", "'Sha512-a_b-c'"})
    void readsHashesOfTheThreeAlgorithms(String expression) {
        assertThat(CspSource.parse(expression)).isInstanceOf(CspSource.Hash.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'nonce-'", "'nonce-abc!'", "'nonce-a=b'", "'nonce-abc==='", "'sha1-abc'",
            "'sha256-'", "'md5-abc'"})
    void aMalformedNonceOrHashIsNoNonceOrHash(String expression) {
        assertThat(CspSource.parse(expression)).isNotInstanceOfAny(CspSource.Nonce.class, CspSource.Hash.class);
    }

    @Test
    void lowercasesKeywordsWithTheirQuotes() {
        assertThat(CspSource.parse("'Unsafe-Inline'")).isEqualTo(new CspSource.Keyword("'unsafe-inline'"));
        assertThat(CspSource.parse("'STRICT-DYNAMIC'")).isEqualTo(new CspSource.Keyword("'strict-dynamic'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:", "HTTPS:", "data:", "blob:", "custom-scheme+x.1:"})
    void readsSchemeSources(String expression) {
        assertThat(CspSource.parse(expression)).isInstanceOf(CspSource.Scheme.class);
    }

    @Test
    void readsEveryPartOfAHostSource() {
        assertThat(CspSource.parse("HTTPS://*.Example.com:8443/Assets/")).isEqualTo(new CspSource.Host(
                Optional.of("https"), "*.example.com", Optional.of("8443"), "/Assets/"));
        assertThat(CspSource.parse("cdn.example.com")).isEqualTo(new CspSource.Host(Optional.empty(),
                "cdn.example.com", Optional.empty(), ""));
        assertThat(CspSource.parse("example.com.")).isInstanceOf(CspSource.Host.class);
        assertThat(CspSource.parse("https://cdn.example.com/a%20b/c.js")).isInstanceOf(CspSource.Host.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*", "http://*", "*:*", "https://*:*", "https://*:443", "https://*/js/",
            "*/x.js", "wss://*"})
    void aStarHostPartIsAnyHost(String expression) {
        assertThat(CspSource.parse(expression)).isInstanceOfSatisfying(CspSource.Host.class,
                host -> assertThat(host.host()).isEqualTo("*"));
    }

    @Test
    void onlyTheBareStarGetsTheBareStarRule() {
        assertThat(((CspSource.Host) CspSource.parse("*")).isBareStar()).isTrue();
        assertThat(((CspSource.Host) CspSource.parse("*:*")).isBareStar()).isFalse();
        assertThat(((CspSource.Host) CspSource.parse("https://*")).isBareStar()).isFalse();
    }

    /** "://" needs a scheme before it; "*." needs a label after it; hosts take no "_" and no brackets. */
    @ParameterizedTest
    @ValueSource(strings = {"//*", "//cdn.example.com", "*.", "https://", "https://*.", "a_b.example.com",
            "https://[::1]", "*.*.example.com", "https://cdn.example.com:80a", "https://cdn.example.com/a%zz",
            "https://cdn.example.com/a b"})
    void tokensOutsideTheGrammarAreInvalid(String expression) {
        assertThat(CspSource.parse(expression)).isInstanceOf(CspSource.Invalid.class);
    }
}
