package dev.smokegate.check.cors;

import static dev.smokegate.check.cors.RecordedCors.APP;
import static dev.smokegate.check.cors.RecordedCors.CONFIG;
import static dev.smokegate.check.cors.RecordedCors.config;
import static dev.smokegate.check.cors.RecordedCors.exactList;
import static dev.smokegate.check.cors.RecordedCors.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.cors.RecordedCors.Backend;
import dev.smokegate.check.cors.RecordedCors.Reply;
import dev.smokegate.check.cors.RecordedCors.Request;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AllowedOriginCheckTest {

    private static final String ID = "cors.allowed-origin";
    /** Two origins, credentials, methods that are preflighted and headers that need listing. */
    private static final EnvironmentConfig API = config(policy(List.of(APP, "https://admin.example.com"), true,
            List.of("GET", "PUT", "DELETE"), List.of("Content-Type", "Authorization"), false));
    private static final Predicate<Request> PREFLIGHT = Request::preflight;
    private static final Predicate<Request> GET = r -> !r.preflight();

    private static Verdict judge(EnvironmentConfig config, Backend backend) {
        return RecordedCors.judge(ID, config, backend);
    }

    private static void assertFails(EnvironmentConfig config, Backend backend, String... fragments) {
        Verdict verdict = judge(config, backend);
        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains(fragments);
    }

    @Test
    void passesWhenOnlyTheFrontendOriginIsEchoed() {
        Verdict verdict = judge(CONFIG, exactList(CONFIG));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains(APP, "with credentials");
        assertThat(verdict.evidence()).isNotEmpty();
    }

    @Test
    void passesForSeveralOriginsWithPreflightedMethodsAndHeaders() {
        Verdict verdict = judge(API, exactList(API));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains(APP + ", https://admin.example.com", "PUT, DELETE");
    }

    @Test
    void passesWithoutCredentialsWhenNoneAreConfigured() {
        EnvironmentConfig config = config(policy(List.of(APP), false, List.of("GET"), List.of(), false));

        assertThat(judge(config, exactList(config)).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsWhenThePreflightForTheAllowedOriginIsForbidden() {
        assertFails(CONFIG, exactList(CONFIG).when(PREFLIGHT, reply -> Reply.of(403, "Content-Type", "text/plain")),
                "OPTIONS (preflight for POST) from " + APP + ": answered 403, expected 200 or 204",
                "before authentication");
    }

    @Test
    void failsWhenTheAllowedOriginIsNotEchoed() {
        assertFails(CONFIG, exactList(CONFIG).everywhere(reply -> reply.without("Access-Control-Allow-Origin")),
                "OPTIONS (preflight for POST) and GET from " + APP + ": Access-Control-Allow-Origin absent, so "
                        + "browsers block the response; send Access-Control-Allow-Origin: " + APP);
    }

    @Test
    void failsWhenAnotherAllowedOriginIsSentBack() {
        assertFails(API, exactList(API).everywhere(reply -> reply.replacing("Access-Control-Allow-Origin", APP)),
                "GET from https://admin.example.com: Access-Control-Allow-Origin \"" + APP
                        + "\" instead of https://admin.example.com");
    }

    @Test
    void failsOnWildcardOriginWithCredentials() {
        assertFails(CONFIG, RecordedCors.wildcard(true),
                "Access-Control-Allow-Origin is * instead of " + APP + ", which browsers refuse on credentialed");
    }

    @Test
    void failsOnDuplicateOrListedAllowOriginHeaders() {
        assertFails(CONFIG, exactList(CONFIG).when(GET, reply -> reply.with("Access-Control-Allow-Origin", APP)),
                "GET from " + APP + ": 2 Access-Control-Allow-Origin headers (" + APP + " | " + APP + ")",
                "send exactly one: " + APP);
        assertFails(CONFIG, exactList(CONFIG).when(GET, reply -> reply.replacing("Access-Control-Allow-Origin",
                APP + ", https://admin.example.com")), "lists several origins");
    }

    @Test
    void failsWhenTheAllowedOriginMissesCredentials() {
        assertFails(CONFIG, exactList(CONFIG).everywhere(reply -> reply.without("Access-Control-Allow-Credentials")),
                "OPTIONS (preflight for POST) and GET from " + APP + ": Access-Control-Allow-Credentials absent, so "
                        + "calls with cookies are blocked; "
                        + "send Access-Control-Allow-Credentials: true");
    }

    @Test
    void failsWhenCredentialsAreCapitalised() {
        assertFails(CONFIG, exactList(CONFIG).everywhere(reply -> reply.replacing("Access-Control-Allow-Credentials",
                "True")), "Access-Control-Allow-Credentials \"True\" enables nothing: browsers compare it "
                + "case-sensitively to true");
    }

    @Test
    void failsWhenCredentialsAreAllowedThoughTheConfigSaysNone() {
        EnvironmentConfig config = config(policy(List.of(APP), false, List.of("GET", "POST"),
                List.of("Content-Type"), false));

        assertFails(config, RecordedCors.expressCors(APP::equals, true),
                "Access-Control-Allow-Credentials: true although cors.credentials is false");
    }

    @Test
    void failsWhenThePreflightDoesNotAllowAConfiguredMethod() {
        assertFails(API, exactList(API).when(PREFLIGHT, reply -> reply.replacing("Access-Control-Allow-Methods",
                "GET, POST, PUT")), "OPTIONS (preflight for DELETE) from " + APP
                + ": Access-Control-Allow-Methods \"GET, POST, PUT\" does not allow DELETE; list DELETE");
        assertFails(API, exactList(API).when(PREFLIGHT, reply -> reply.without("Access-Control-Allow-Methods")),
                "Access-Control-Allow-Methods absent, so PUT is not allowed; list PUT");
    }

    @Test
    void failsWhenTheMethodIsListedInAnotherCase() {
        assertFails(API, exactList(API).when(PREFLIGHT, reply -> reply.replacing("Access-Control-Allow-Methods",
                "get, put, delete")), "lists PUT in another case, and browsers compare methods case-sensitively");
    }

    @Test
    void failsOnWildcardMethodsWithCredentials() {
        assertFails(API, exactList(API).when(PREFLIGHT, reply -> reply.replacing("Access-Control-Allow-Methods",
                "*")), "does not allow PUT (* is taken literally on credentialed requests)");
    }

    @Test
    void failsWhenThePreflightDoesNotAllowAConfiguredHeader() {
        assertFails(API, exactList(API).when(PREFLIGHT, reply -> reply.replacing("Access-Control-Allow-Headers",
                "content-type")), "Access-Control-Allow-Headers \"content-type\" does not allow Authorization; "
                + "list Authorization");
    }

    @Test
    void failsWhenAWildcardIsTheOnlyCoverForAuthorization() {
        EnvironmentConfig config = config(policy(List.of(APP), false, List.of("GET", "PUT"),
                List.of("X-Api-Key", "Authorization"), false));

        assertFails(config, exactList(config).when(PREFLIGHT, reply -> reply.replacing("Access-Control-Allow-Headers",
                "*").replacing("Access-Control-Allow-Methods", "*")),
                "does not allow Authorization (* never covers Authorization)");
    }

    @Test
    void passesOnWildcardMethodsAndHeadersWithoutCredentials() {
        EnvironmentConfig config = config(policy(List.of(APP), false, List.of("GET", "PUT"), List.of("X-Api-Key"),
                false));

        Verdict verdict = judge(config, exactList(config).when(PREFLIGHT, reply -> reply
                .replacing("Access-Control-Allow-Headers", "*").replacing("Access-Control-Allow-Methods", "*")));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsWhenTheActualResponseDoesNotVaryByOrigin() {
        assertFails(CONFIG, exactList(CONFIG).everywhere(reply -> reply.without("Vary")),
                "GET from " + APP + ": Vary absent, so a cache may serve this answer to another origin; add "
                        + "Vary: Origin");
        assertFails(CONFIG, exactList(CONFIG).everywhere(reply -> reply.replacing("Vary", "Accept-Encoding")),
                "Vary \"Accept-Encoding\" lacks Origin");
    }

    @Test
    void acceptsOriginInAnyVaryHeaderOrVaryStar() {
        Backend split = exactList(CONFIG).everywhere(reply -> reply.replacing("Vary", "Accept-Encoding")
                .with("vary", "origin"));
        Backend star = exactList(CONFIG).everywhere(reply -> reply.replacing("Vary", "*"));

        assertThat(judge(CONFIG, split).status()).isEqualTo(Verdict.Status.PASS);
        assertThat(judge(CONFIG, star).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void ignoresHowForeignOriginsAreAnswered() {
        Backend reflectsForeignOnly = RecordedCors.expressCors(origin -> true, true);

        assertThat(judge(CONFIG, reflectsForeignOnly).status()).isEqualTo(Verdict.Status.PASS);
    }
}
