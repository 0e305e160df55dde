package dev.smokegate.check.cors;

import static dev.smokegate.check.cors.RecordedCors.APP;
import static dev.smokegate.check.cors.RecordedCors.CONFIG;
import static dev.smokegate.check.cors.RecordedCors.exactList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.check.cors.RecordedCors.Backend;
import dev.smokegate.check.cors.RecordedCors.Reply;
import dev.smokegate.config.CorsPolicy;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsCheckTest {

    private static final List<String> IDS = List.of("cors.allowed-origin", "cors.foreign-origin-rejected",
            "cors.credentials-wildcard");

    @Test
    void listsTheThreeChecksInReportOrderWithTheirSeverities() {
        assertThat(CorsChecks.all()).extracting(c -> c.spec().id()).containsExactlyElementsOf(IDS);
        assertThat(CorsChecks.all()).extracting(c -> c.spec().severity())
                .containsExactly(Severity.HIGH, Severity.CRITICAL, Severity.HIGH);
        assertThat(CorsChecks.all()).allSatisfy(c -> assertThat(c.uses()).containsExactly("http"));
    }

    @Test
    void healthyPolicyPassesAllThree() {
        for (String id : IDS) {
            Verdict verdict = RecordedCors.judge(id, CONFIG, exactList(CONFIG));
            assertThat(verdict.status()).as(id + ": " + verdict.message()).isEqualTo(Verdict.Status.PASS);
        }
    }

    @Test
    void targetsTheHealthPathUnlessACorsPathIsConfigured() {
        assertThat(RecordedCors.check(IDS.get(0)).targets(CONFIG))
                .containsExactly(new Target("backend", "https://api.example.com/health"));

        EnvironmentConfig withPath = CONFIG.newBuilder().cors(new CorsPolicy(Optional.of("/api/me"), List.of(), true,
                List.of("GET"), List.of(), false)).build();
        assertThat(RecordedCors.check(IDS.get(0)).targets(withPath))
                .containsExactly(new Target("backend", "https://api.example.com/api/me"));
    }

    @Test
    void allThreeChecksShareOneObservationOfAllowedThenForeignOrigins() {
        Target target = RecordedCors.check(IDS.get(0)).targets(CONFIG).get(0);
        List<String> keys = CorsChecks.all().stream().map(c -> c.observation(target, CONFIG).key()).toList();

        assertThat(keys).hasSize(3).containsOnly(keys.get(0));
        assertThat(keys.get(0)).startsWith("cors https://api.example.com/health [" + APP + ", https://smokegate-")
                .contains("null", "https://evilapp.example.com", "[POST] [Content-Type]");
        assertThat(CorsChecks.origins(CONFIG)).hasSize(10).startsWith(APP).doesNotHaveDuplicates();
    }

    @Test
    void isInconclusiveWhenTheAllowedOriginGetsNoResponse() {
        Verdict verdict = RecordedCors.judge("cors.allowed-origin", CONFIG,
                exactList(CONFIG).when(r -> r.preflight() && r.origin().equals(APP), reply -> Reply.NONE));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        // The engine says "could not verify: " in front of every inconclusive verdict, once.
        assertThat(verdict.message()).isEqualTo("no response to OPTIONS (preflight for POST) from "
                + APP + ": connection refused by api:443");
        assertThat(verdict.evidence()).anySatisfy(e -> assertThat(e.title()).contains("no response"));
    }

    @Test
    void isInconclusiveForEveryCheckWhenTheBackendIsDown() {
        Backend down = request -> Reply.NONE;

        for (String id : IDS) {
            Verdict verdict = RecordedCors.judge(id, CONFIG, down);
            assertThat(verdict.status()).as(id).isEqualTo(Verdict.Status.INCONCLUSIVE);
            assertThat(verdict.message()).as(id).contains("no response to", "requests, first",
                    "connection refused by api:443");
        }
    }

    @Test
    void ignoresUnansweredRequestsTheCheckDoesNotJudge() {
        Backend foreignDropped = exactList(CONFIG).when(r -> !r.origin().equals(APP), reply -> Reply.NONE);

        assertThat(RecordedCors.judge("cors.allowed-origin", CONFIG, foreignDropped).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(RecordedCors.judge("cors.foreign-origin-rejected", CONFIG, foreignDropped).status())
                .isEqualTo(Verdict.Status.INCONCLUSIVE);
    }

    @Test
    void failsOnWhatWasSeenEvenWhenOtherRequestsWentUnanswered() {
        Backend reflectsButDropsNull = RecordedCors.expressCors(origin -> true, true)
                .when(r -> r.origin().equals("null"), reply -> Reply.NONE);

        Verdict verdict = RecordedCors.judge("cors.foreign-origin-rejected", CONFIG, reflectsButDropsNull);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("any site can read authenticated responses",
                "(also no response to 2 of 18 requests, first OPTIONS (preflight for POST) from null");
    }

    @Test
    void wildcardWithCredentialsFailsBothTheWildcardAndTheAllowedOriginCheck() {
        Backend wildcard = RecordedCors.wildcard(true);

        for (String id : IDS) {
            assertThat(RecordedCors.judge(id, CONFIG, wildcard).status()).as(id).isEqualTo(Verdict.Status.FAIL);
        }
    }

    @Test
    void everyCheckAttachesTheExchangesAsEvidence() {
        for (Check<?> check : CorsChecks.all()) {
            Verdict verdict = RecordedCors.judge(check.spec().id(), CONFIG, exactList(CONFIG));
            assertThat(verdict.evidence()).as(check.spec().id()).hasSize(20);
        }
    }

    @Test
    void remediationsNameTheExactListAndWarnAgainstReflecting() {
        assertThat(RecordedCors.check("cors.foreign-origin-rejected").spec().remediation())
                .contains("origin: ['https://app.example.com']", "Never origin: true", "Socket.IO");
        assertThat(RecordedCors.check("cors.allowed-origin").spec().remediation())
                .contains("credentials: true", "Vary: Origin");
    }
}
