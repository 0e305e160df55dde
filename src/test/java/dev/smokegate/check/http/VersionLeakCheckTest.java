package dev.smokegate.check.http;

import static dev.smokegate.check.http.Recorded.CONFIG;
import static dev.smokegate.check.http.Recorded.noAnswer;
import static dev.smokegate.check.http.Recorded.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.check.Check;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpObservation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersionLeakCheckTest {

    private static final String URL = "https://app.example.com/";
    private final Check<HttpObservation> leak = Recorded.byId("http.version-leak");
    private final Target target = new Target("frontend", URL);

    @ParameterizedTest
    @CsvSource({"Server, nginx/1.18.0 (Ubuntu)", "Server, Apache/2.4.41", "X-Powered-By, Express 4.17.1",
            "X-Powered-By, PHP/8.1.2", "X-AspNet-Version, 4.0.30319"})
    void failsOnVersionedBanner(String header, String value) {
        Verdict verdict = leak.judge(response(URL, 200, "", header, value), target, CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(verdict.message()).contains(header + ": " + value);
    }

    @Test
    void passesOnProductNameOnly() {
        assertThat(leak.judge(response(URL, 200, "", "Server", "Vercel"), target, CONFIG).status())
                .isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void warnsOnPoweredByWithoutVersion() {
        Verdict verdict = leak.judge(response(URL, 200, "", "X-Powered-By", "Next.js"), target, CONFIG);

        assertThat(verdict.status()).isEqualTo(Verdict.Status.WARN);
        assertThat(verdict.message()).contains("X-Powered-By: Next.js");
    }

    @Test
    void isInconclusiveWithoutResponse() {
        assertThat(leak.judge(noAnswer(URL, "connection refused"), target, CONFIG).status())
                .isEqualTo(Verdict.Status.INCONCLUSIVE);
    }
}
