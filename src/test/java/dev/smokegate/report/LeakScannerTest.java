package dev.smokegate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary test is only as good as its scanner: prove the scanner finds what it must. */
class LeakScannerTest {

    private static final String CANARY = "p@ss/w0rd+\"<&> canary";
    private final LeakScanner scanner = new LeakScanner(List.of(CANARY));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsPlainUrlEncodedAndEscapedForms() {
        assertThat(scanner.leaks(utf8("x " + CANARY))).isNotEmpty();
        assertThat(scanner.leaks(utf8("q=p%40ss%2Fw0rd%2B%22%3C%26%3E+canary"))).isNotEmpty();
        assertThat(scanner.leaks(utf8("{\"v\":\"p@ss/w0rd+\\\"<&> canary\"}"))).isNotEmpty();
        assertThat(scanner.leaks(utf8("<x a=\"p@ss/w0rd+&quot;&lt;&amp;&gt; canary\"/>"))).isNotEmpty();
    }

    @Test
    void findsCanaryInsideBase64JsonInsideBase64AtAnyAlignment() {
        for (String prefix : List.of("", "a", "ab")) {
            String json = prefix + "{\"message\":\"p@ss/w0rd+\\\"<&> canary\"}";
            String inner = Base64.getEncoder().encodeToString(utf8(json));
            String outer = Base64.getEncoder().encodeToString(utf8("d('data/x.json','" + inner + "');"));
            assertThat(scanner.leaks(utf8("<script src=\"data:text/javascript;base64," + outer + "\">")))
                    .as(prefix).isNotEmpty();
        }
    }

    @Test
    void findsNothingInCleanContent() {
        assertThat(scanner.leaks(utf8("nothing to see [REDACTED] " + Base64.getEncoder()
                .encodeToString(utf8("{\"message\":\"[REDACTED]\"}"))))).isEmpty();
    }
}
