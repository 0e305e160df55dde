package dev.smokegate.check.cors;

import static dev.smokegate.check.cors.RecordedCors.APP;
import static dev.smokegate.check.cors.RecordedCors.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.cors.RecordedCors.Backend;
import dev.smokegate.model.Verdict;
import org.junit.jupiter.api.Test;

class CredentialsWildcardCheckTest {

    private static final String ID = "cors.credentials-wildcard";

    private static Verdict judge(Backend backend) {
        return RecordedCors.judge(ID, CONFIG, backend);
    }

    @Test
    void passesWhenOnlyTheFrontendOriginIsEchoed() {
        Verdict verdict = judge(RecordedCors.exactList(CONFIG));

        assertThat(verdict.status()).as(verdict.message()).isEqualTo(Verdict.Status.PASS);
        assertThat(verdict.message()).contains("none of 20 responses");
    }

    @Test
    void failsOnWildcardOriginWithCredentials() {
        Verdict verdict = judge(RecordedCors.wildcard(true));

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains("20 of 20 responses (OPTIONS and GET from " + APP + ", ",
                "send Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true",
                "Browsers refuse this combination, so the app's credentialed calls fail");
    }

    @Test
    void failsWhenOnlyOneResponseCombinesThem() {
        Backend oneGet = RecordedCors.exactList(CONFIG).when(r -> !r.preflight() && r.origin().equals("null"),
                reply -> reply.with("Access-Control-Allow-Origin", "*"));

        Verdict verdict = judge(oneGet);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).startsWith("1 of 20 responses (GET from null)");
    }

    @Test
    void passesOnWildcardOriginWithoutCredentials() {
        assertThat(judge(RecordedCors.wildcard(false)).status()).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void passesOnWildcardOriginWithCapitalisedCredentialsWhichBrowsersIgnore() {
        Backend capitalised = RecordedCors.wildcard(false)
                .everywhere(reply -> reply.with("Access-Control-Allow-Credentials", "True"));

        assertThat(judge(capitalised).status()).isEqualTo(Verdict.Status.PASS);
    }
}
