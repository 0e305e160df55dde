package dev.smokegate.check.cors;

import static dev.smokegate.check.cors.RecordedCors.APP;
import static dev.smokegate.check.cors.RecordedCors.CONFIG;
import static dev.smokegate.check.cors.RecordedCors.config;
import static dev.smokegate.check.cors.RecordedCors.expressCors;
import static dev.smokegate.check.cors.RecordedCors.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.cors.RecordedCors.Backend;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ForeignOriginRejectedCheckTest {

    private static final String ID = "cors.foreign-origin-rejected";

    private static Verdict judge(EnvironmentConfig config, Backend backend) {
        return RecordedCors.judge(ID, config, backend);
    }

    /** The frontend origin plus whatever the faulty matcher lets through, as cors({ origin: callback }) does. */
    private static Backend allowing(Predicate<String> matcher) {
        return expressCors(origin -> origin.equals(APP) || matcher.test(origin), true);
    }

    private static Verdict assertFails(Backend backend, String... fragments) {
        Verdict verdict = judge(CONFIG, backend);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains(fragments);
        return verdict;
    }

    @Test
    void passesWhenOnlyTheFrontendOriginIsEchoed() {
        Verdict verdict = judge(CONFIG, RecordedCors.exactList(CONFIG));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("none of 9 foreign origins", "null", "https://evilapp.example.com");
    }

    @Test
    void failsWhenAnyOriginIsReflectedWithCredentials() {
        Verdict verdict = assertFails(expressCors(origin -> true, true),
                "echoes foreign origins with Access-Control-Allow-Credentials: true, so any site can read "
                        + "authenticated responses",
                "(random origin) on OPTIONS and GET",
                "null (null origin) on OPTIONS and GET",
                "https://app.example.com.smokegate-foreign.test (suffix after " + APP + ")",
                "https://evilapp.example.com (prefix before " + APP + ")",
                "https://appxexample.com (unescaped dot in " + APP + ")",
                "http://app.example.com (http:// twin of " + APP + ")",
                "https://evil.app.example.com (subdomain of " + APP + ")",
                "https://smokegate-preview.vercel.app (Vercel preview deployment)",
                "it reflects any Origin");

        assertThat(verdict.message()).doesNotContain("endsWith", "startsWith");
        assertThat(verdict.evidence()).isNotEmpty();
    }

    @Test
    void failsWithoutTheCriticalWordingWhenReflectedWithoutCredentials() {
        EnvironmentConfig config = config(policy(List.of(APP), false, List.of("GET", "POST"),
                List.of("Content-Type"), false));

        Verdict verdict = judge(config, expressCors(origin -> true, false));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("echoes foreign origins (without credentials), so they can read "
                + "responses: ").doesNotContain("authenticated");
    }

    @Test
    void failsOnAnEndsWithMatchThatAcceptsThePrefixVariant() {
        Verdict verdict = assertFails(allowing(origin -> origin.endsWith("app.example.com")),
                "https://evilapp.example.com (prefix before " + APP + ") on OPTIONS and GET",
                "https://evil.app.example.com (subdomain of " + APP + ")",
                "it matches only the end of the origin (endsWith, or a regex without ^)");

        assertThat(verdict.message()).doesNotContain("suffix after", "null origin");
    }

    @Test
    void failsOnAStartsWithMatchThatAcceptsTheSuffixVariant() {
        Verdict verdict = assertFails(allowing(origin -> origin.startsWith(APP)),
                "https://app.example.com.smokegate-foreign.test (suffix after " + APP + ")",
                "it matches only the start of the origin (startsWith, or a regex without $)");

        assertThat(verdict.message()).doesNotContain("prefix before");
    }

    @Test
    void failsOnARegexWithUnescapedDots() {
        Pattern unescaped = Pattern.compile("^https://app.example.com$");

        assertFails(allowing(origin -> unescaped.matcher(origin).matches()),
                "https://appxexample.com (unescaped dot in " + APP + ")",
                "https://app.examplexcom (unescaped dot in " + APP + ")",
                "a regex leaves a dot unescaped");
    }

    @Test
    void failsWhenNullIsAllowed() {
        assertFails(allowing("null"::equals), "null (null origin) on OPTIONS and GET", "opaque origin null");
    }

    @Test
    void failsWhenTheHttpOriginIsAllowed() {
        assertFails(allowing(origin -> origin.replaceFirst("^https?://", "").equals("app.example.com")),
                "http://app.example.com (http:// twin of " + APP + ")", "it ignores the scheme");
    }

    @Test
    void failsWhenVercelPreviewsAreAllowedButNotConfigured() {
        assertFails(allowing(origin -> origin.matches("https://[a-z0-9-]+\\.vercel\\.app")),
                "https://smokegate-preview.vercel.app (Vercel preview deployment)", "it allows *.vercel.app");
    }

    @Test
    void passesVercelPreviewsWhenConfigured() {
        EnvironmentConfig config = config(policy(List.of(APP), true, List.of("GET", "POST"),
                List.of("Content-Type"), true));

        Verdict verdict = judge(config, allowing(origin -> origin.matches("https://[a-z0-9-]+\\.vercel\\.app")));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("none of 8 foreign origins");
    }

    @Test
    void failsOnWildcardOriginWithoutCredentials() {
        assertFails(RecordedCors.wildcard(false), "Access-Control-Allow-Origin: * lets any site read responses, "
                + "including", "null (null origin) on OPTIONS and GET");
    }

    @Test
    void failsWhenAForeignOriginIsEchoedOnlyOnTheGet() {
        Backend getOnly = RecordedCors.exactList(CONFIG).when(request -> !request.preflight()
                && request.origin().equals("null"), reply -> reply.with("Access-Control-Allow-Origin", "null"));

        assertFails(getOnly, "null (null origin) on GET");
    }

    @Test
    void failsWhenAForeignOriginIsEchoedInAMalformedHeader() {
        Backend listed = RecordedCors.exactList(CONFIG).when(request -> request.origin().equals("null"),
                reply -> reply.with("Access-Control-Allow-Origin", APP + ", null"));

        assertFails(listed, "null (null origin)");
    }

    @Test
    void ignoresHowTheAllowedOriginIsAnswered() {
        Backend brokenForApp = RecordedCors.exactList(CONFIG).when(request -> request.origin().equals(APP),
                reply -> reply.replacing("Access-Control-Allow-Origin", "*"));

        assertThat(judge(CONFIG, brokenForApp).status()).isEqualTo(Verdict.Status.PASS);
    }
}
