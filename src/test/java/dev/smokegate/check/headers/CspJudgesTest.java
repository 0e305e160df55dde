package dev.smokegate.check.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.WebSocketPolicy;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CspJudgesTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("recorded",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();

    private static HttpExchange response(String body, String... headerPairs) {
        List<HttpExchange.Header> headers = new ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(new HttpExchange.Header(headerPairs[i], headerPairs[i + 1]));
        }
        return new HttpExchange("GET", URI.create("https://app.example.com/"), List.of(), 200, "OK", headers, body,
                false, Duration.ofMillis(10));
    }

    @Test
    void metaPolicyIsReportedButOnlyTheHeaderCounts() {
        Verdict verdict = CspJudges.present(response("<meta http-equiv=\"Content-Security-Policy\" content=\"x\">"),
                CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("a <meta> policy exists");
    }

    @Test
    void objectSrcFallsBackToDefaultSrcButBaseUriDoesNot() {
        assertThat(CspJudges.objectBase(response("", "Content-Security-Policy",
                "default-src 'none'; base-uri 'none'"), CONFIG).status()).isEqualTo(Verdict.Status.PASS);
        assertThat(CspJudges.objectBase(response("", "Content-Security-Policy", "default-src 'none'"), CONFIG)
                .message()).contains("base-uri is not restricted");
    }

    private static Verdict appOrigins(EnvironmentConfig config, String... policies) {
        List<String> pairs = new ArrayList<>();
        for (String policy : policies) {
            pairs.add("Content-Security-Policy");
            pairs.add(policy);
        }
        return CspJudges.appOrigins(response("", pairs.toArray(String[]::new)), config);
    }

    @Test
    void appOriginsPassesWhenConnectSrcListsTheApiAndWebSocketOrigins() {
        EnvironmentConfig config = CONFIG.newBuilder().websocket(WebSocketPolicy.DEFAULTS.at(URI.create("wss://api.example.com/ws"))).build();
        Verdict verdict = appOrigins(config, "default-src 'self'; connect-src 'self' https://api.example.com "
                + "wss://api.example.com");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void appOriginsFailsWhenThePolicyBlocksTheApiAndQuotesTheGoverningDirective() {
        Verdict verdict = appOrigins(CONFIG, "default-src 'self'");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("\"default-src 'self'\" blocks https://api.example.com; add "
                + "https://api.example.com");
    }

    @Test
    void appOriginsFailsWhenAnyOfTwoEnforcedPoliciesBlocks() {
        Verdict verdict = appOrigins(CONFIG, "connect-src https://api.example.com", "connect-src 'self'");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void appOriginsWarnsWhenTheWebSocketIsAllowedOnlyThroughSelfOrHttps() {
        EnvironmentConfig config = CONFIG.newBuilder().websocket(WebSocketPolicy.DEFAULTS.at(URI.create("wss://api.example.com/ws"))).build();
        Verdict verdict = appOrigins(config, "connect-src 'self' https://api.example.com");
        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("Safari", "list wss://api.example.com explicitly");
    }

    @Test
    void appOriginsAcceptsAnAssetOriginInAnyAssetDirective() {
        EnvironmentConfig config = CONFIG.newBuilder().headers(new dev.smokegate.config.HeaderPolicy(31536000, true,
                java.util.Set.of(), java.util.Optional.empty(), List.of(),
                List.of(URI.create("https://cdn.example.net")))).build();
        assertThat(appOrigins(config, "default-src 'self'; connect-src https://api.example.com; img-src "
                + "https://cdn.example.net").status()).isEqualTo(Verdict.Status.PASS);
        assertThat(appOrigins(config, "default-src 'self'; connect-src https://api.example.com").message())
                .contains("blocks https://cdn.example.net");
    }

    /** CSP3 §6.8.1: a <script src> is governed by script-src-elem, which falls back to script-src. */
    @Test
    void appOriginsJudgesScriptAssetsByScriptSrcElem() {
        EnvironmentConfig config = CONFIG.newBuilder().headers(new dev.smokegate.config.HeaderPolicy(31536000, true,
                java.util.Set.of(), java.util.Optional.empty(), List.of(),
                List.of(URI.create("https://cdn.example.net")))).build();
        assertThat(appOrigins(config, "default-src 'self'; connect-src https://api.example.com; script-src-elem "
                + "https://cdn.example.net").status()).isEqualTo(Verdict.Status.PASS);
        assertThat(appOrigins(config, "default-src 'self'; connect-src https://api.example.com; script-src "
                + "https://cdn.example.net; script-src-elem 'self'").message())
                .contains("\"default-src 'self'\" blocks https://cdn.example.net");
    }

    @Test
    void objectBaseCountsEveryPolicyOfACommaSeparatedHeader() {
        assertThat(CspJudges.objectBase(response("", "Content-Security-Policy",
                "script-src 'self', object-src 'none'; base-uri 'self'"), CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void appOriginsPassesWithoutAnyPolicyBecauseNothingIsBlocked() {
        assertThat(appOrigins(CONFIG).status()).isEqualTo(Verdict.Status.PASS);
    }
}
