package dev.smokegate.probe.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsProbesTest {

    private static final URI PAGE = URI.create("https://app.example.com/dashboard");

    @Test
    void findsSameOriginScriptsAndPreloadsOnceInPageOrder() {
        String html = """
                <link rel="preload" as="script" href="/_next/static/chunks/webpack-1.js">
                <script src="/_next/static/chunks/webpack-1.js" defer></script>
                <script async src='https://app.example.com/_next/static/chunks/app/page-2.js'></script>
                <script src="https://cdn.other.com/lib.js"></script>
                <script>inline()</script>
                """;

        assertThat(SecretsProbes.scriptsOf(html, PAGE)).containsExactly(
                URI.create("https://app.example.com/_next/static/chunks/webpack-1.js"),
                URI.create("https://app.example.com/_next/static/chunks/app/page-2.js"));
    }

    private static HttpExchange script(String body, HttpExchange.Header... headers) {
        return new HttpExchange("GET", PAGE, List.of(), 200, "", List.of(headers), body, false, Duration.ZERO);
    }

    @Test
    void findsTheSourceMapInTheHeaderBeforeTheComment() {
        assertThat(SecretsProbes.sourceMapOf(script("x()\n//# sourceMappingURL=a.js.map",
                new HttpExchange.Header("SourceMap", "/maps/a.js.map")))).contains("/maps/a.js.map");
        assertThat(SecretsProbes.sourceMapOf(script("x()\n//# sourceMappingURL=a.js.map\n"))).contains("a.js.map");
        assertThat(SecretsProbes.sourceMapOf(script("x()"))).isEmpty();
    }
}
