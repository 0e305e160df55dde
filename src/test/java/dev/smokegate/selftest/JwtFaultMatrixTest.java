package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.ExternalProcesses;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every JWT check can fail: the {@code auth.*} checks run against the reference app's real
 * jsonwebtoken API, healthy and once per fault, each time with a token the app (faulty or not) issued.
 */
@ExternalProcesses
class JwtFaultMatrixTest extends OnReferenceDeployment {

    private static final Selection AUTH = new Selection(Suite.FULL, List.of("auth.*"));
    private static final URI TOKEN = URI.create("https://api.smokegate.test/api/token");

    @Test
    void healthyAppPassesEveryJwtCheck() throws Exception {
        SuiteRun run = SuiteRun.of(config, AUTH);

        assertThat(run.withOutcome(Outcome.PASSED)).as("outcomes: " + run.withOutcome(Outcome.FAILED) + run.withOutcome(Outcome.BROKEN))
                .containsOnlyKeys("auth.jwt.forgery-rejected", "auth.jwt.secret-strength");
        assertThat(run.withOutcome(Outcome.PASSED).get("auth.jwt.forgery-rejected"))
                .contains("8 forged tokens refused");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.JwtFaultCase#ALL")
    void faultFailsExactlyItsChecks(JwtFaultCase fault) throws Exception {
        deployment.inject(fault.fault());

        SuiteRun run = SuiteRun.of(ReferenceEnvironment.config(deployment, Map.of("SMOKE_JWT", issuedToken())),
                AUTH);
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);

        assertThat(run.withOutcome(Outcome.BROKEN)).as("broken").isEmpty();
        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }

    /** The test user's token as the app now issues it: a weak-secret or RS256 app issues a different one. */
    private String issuedToken() throws Exception {
        ProbeContext context = new ProbeContext(config, TrustMaterial.sslContext(config.trust().extraCaFile()));
        HttpExchange answer = HttpFetcher.get(TOKEN, context).exchange().orElseThrow();
        assertThat(answer.status()).as("GET /api/token").isEqualTo(200);
        return new ObjectMapper().readTree(answer.body()).get("token").asText();
    }
}
