package dev.smokegate.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.SecretsSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import dev.smokegate.probe.secrets.DotfileObservation;
import dev.smokegate.probe.secrets.PublicAssets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsJudgesTest {

    private static final String SECRET = "s3cr3t-client-value-0123456789";
    private static final String PAGE = "https://app.example.com/";
    private static final String CHUNK = "https://app.example.com/_next/static/chunks/main-1.js";

    private final EnvironmentConfig config = EnvironmentConfig.builder("t", URI.create(PAGE),
                    URI.create("https://api.example.com")).secretValue(SECRET).build();

    private static EnvironmentConfig withReference(EnvironmentConfig config) {
        // As the loader records it: oauth.client-secret came from ${GITHUB_CLIENT_SECRET}.
        return new EnvironmentConfig(config.name(), config.source(), config.frontend(), config.backend(),
                config.canonical(), config.websocket(), config.trust(), config.connectTo(), config.timeouts(),
                config.thresholds(), config.headers(), config.cors(), config.tls(), config.http(), config.database(),
                config.redis(), config.oauth(), config.webhook(), config.browser(), config.secrets(), config.jwt(),
                config.waivers(),
                config.waiverPolicy(), config.failOn(), List.of(new ConfigValue("oauth.client-secret", SECRET,
                Set.of("GITHUB_CLIENT_SECRET"), Set.of())), config.secretValues());
    }

    private static HttpObservation answer(String url, int status, String body, HttpExchange.Header... headers) {
        return HttpObservation.answered(new HttpExchange("GET", URI.create(url), List.of(), status, "",
                List.of(headers), body, false, Duration.ZERO));
    }

    private static HttpObservation unanswered(String url) {
        return HttpObservation.unanswered(HttpRequest.get(URI.create(url)), HttpFailure.TIMED_OUT,
                "no response within 3s", Duration.ofSeconds(3));
    }

    private static PublicAssets assets(String pageBody, String chunkBody) {
        return new PublicAssets(answer(PAGE, 200, pageBody), List.of(answer(CHUNK, 200, chunkBody)),
                answer("https://api.example.com/health", 200, "{\"status\":\"ok\"}"), Map.of(), List.of(), List.of());
    }

    @Test
    void passesWhenAssetsHoldNoSecretAndNoCredentialShape() {
        Verdict verdict = AssetJudges.noSecrets(assets("<html></html>", "console.log('hi')"), config);

        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("3 public responses");
    }

    @Test
    void failsNamingTheVariableAndAssetWhenAChunkInlinesASecretValue() {
        Verdict verdict = AssetJudges.noSecrets(assets("<html></html>", "const s = '" + SECRET + "';"),
                withReference(config));

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).isEqualTo("the value of ${GITHUB_CLIENT_SECRET} appears in " + CHUNK)
                .doesNotContain(SECRET);
    }

    @Test
    void failsWithTheShapeMaskedWhenThePageHoldsCredentialShapes() {
        String token = "ghp_" + "a".repeat(36);
        String key = "AKIA" + "B".repeat(16);
        Verdict verdict = AssetJudges.noSecrets(assets("<meta content=\"" + token + "\">",
                "x='postgres://app:hunter22@db:5432/app'; y='" + key + "'"), config);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).contains("GitHub token ghp_… (40 chars) appears in " + PAGE,
                "postgres URL with a password post… (24 chars) appears in " + CHUNK,
                "AWS access key id AKIA… (20 chars)").doesNotContain(token, "hunter22", key);
    }

    @Test
    void isInconclusiveWhenThePageDoesNotAnswer() {
        PublicAssets nothing = new PublicAssets(unanswered(PAGE), List.of(), unanswered("https://api.example.com/"),
                Map.of(), List.of(), List.of());

        assertThat(AssetJudges.noSecrets(nothing, config).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void passesNamingTheBoundThatStoppedTheDownload() {
        PublicAssets bounded = new PublicAssets(answer(PAGE, 200, "<html>"), List.of(), answer(PAGE, 200, "{}"),
                Map.of(), List.of(), List.of("stopped at secrets.max-assets (1 fetches) before " + CHUNK));

        assertThat(AssetJudges.noSecrets(bounded, config).message()).contains("stopped at secrets.max-assets");
    }

    @Test
    void warnsByDefaultAndFailsWhenConfiguredWhenASourceMapAnswersWithSources() {
        PublicAssets mapped = new PublicAssets(answer(PAGE, 200, "<html>"), List.of(answer(CHUNK, 200, "x")),
                answer(PAGE, 200, "{}"), Map.of(CHUNK, answer(CHUNK + ".map", 200, "{\"version\":3,\"sources\":[]}")),
                List.of(), List.of());
        EnvironmentConfig failing = config.newBuilder().secrets(SecretsSettings.DEFAULTS.withSourceMapsFail(true)).build();

        assertThat(AssetJudges.sourceMapsNotPublic(mapped, config).status()).isEqualTo(Status.WARN);
        assertThat(AssetJudges.sourceMapsNotPublic(mapped, failing).status()).isEqualTo(Status.FAIL);
        assertThat(AssetJudges.sourceMapsNotPublic(mapped, failing).message())
                .contains(CHUNK + " publishes its source map " + CHUNK + ".map");
    }

    @Test
    void passesWhenTheNamedSourceMapIsAnSpaFallbackPage() {
        PublicAssets fallback = new PublicAssets(answer(PAGE, 200, "<html>"), List.of(answer(CHUNK, 200, "x")),
                answer(PAGE, 200, "{}"), Map.of(CHUNK, answer(CHUNK + ".map", 200, "<!doctype html><html>")),
                List.of(), List.of());

        assertThat(AssetJudges.sourceMapsNotPublic(fallback, config).status()).isEqualTo(Status.PASS);
    }

    private static DotfileObservation dotfile(String path, int status, String body) {
        return new DotfileObservation(List.of(new DotfileObservation.Answer(path,
                answer("https://app.example.com" + path, status, body))));
    }

    @Test
    void passesWhenDotfilesAnswerTheSpaFallbackOr404() {
        assertThat(DotfileJudges.notServed(dotfile("/.env", 200, "<!doctype html><html>app</html>"), config)
                .status()).isEqualTo(Status.PASS);
        assertThat(DotfileJudges.notServed(dotfile("/.git/config", 404, "[core]"), config).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenDotfilesAnswerWithTheirContent() {
        assertThat(DotfileJudges.notServed(dotfile("/.env", 200, "DATABASE_URL=x\n"), config).message())
                .isEqualTo("https://app.example.com/.env answers 200 with the file's content (KEY=value lines)");
        assertThat(DotfileJudges.notServed(dotfile("/.git/HEAD", 200, "ref: refs/heads/main\n"), config).status())
                .isEqualTo(Status.FAIL);
        assertThat(DotfileJudges.notServed(dotfile("/.npmrc", 200, "//registry.npmjs.org/:_authToken=x"), config)
                .status()).isEqualTo(Status.FAIL);
        assertThat(DotfileJudges.notServed(dotfile("/.vercel/project.json", 200, "{\"projectId\":\"p\"}"), config)
                .status()).isEqualTo(Status.FAIL);
    }

    @Test
    void isInconclusiveWhenADotfileRequestGetsNoAnswer() {
        DotfileObservation silent = new DotfileObservation(List.of(new DotfileObservation.Answer("/.env",
                unanswered("https://app.example.com/.env"))));

        assertThat(DotfileJudges.notServed(silent, config).status()).isEqualTo(Status.INCONCLUSIVE);
    }
}
