package dev.smokegate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpEvidence;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservedCheckTest {

    private static final EnvironmentConfig CONFIG = EnvironmentConfig.builder("prod",
            URI.create("https://app.example.com"), URI.create("https://api.example.com")).build();
    private static final CheckSpec SPEC = CheckSpec.gate("x.observed.check", Severity.LOW, "r", "fix");
    private static final Target TARGET = new Target(Target.BACKEND, "https://api.example.com");

    private record Exchanges(String body) implements HttpEvidence {
        @Override
        public List<Evidence> evidence() {
            return List.of(Evidence.text("GET /", body));
        }
    }

    private static <O> ObservedCheck<O> check(BiFunction2<O> judge) {
        return ObservedCheck.of(SPEC, config -> List.of(TARGET),
                (target, config) -> new ProbeRequest<>("k " + target.address(), context -> null), judge::apply);
    }

    @FunctionalInterface
    private interface BiFunction2<O> {
        Verdict apply(O observed, EnvironmentConfig config);
    }

    @Test
    void attachesTheExchangesOfAnHttpObservationAsEvidence() {
        Verdict verdict = check((Exchanges o, EnvironmentConfig c) -> Verdict.pass("ok"))
                .judge(new Exchanges("HTTP/1.1 200"), TARGET, CONFIG);
        assertThat(verdict.evidence()).extracting(Evidence::content).containsExactly("HTTP/1.1 200");
    }

    @Test
    void attachesNothingToOtherObservations() {
        assertThat(check((String o, EnvironmentConfig c) -> Verdict.pass(o)).judge("plain", TARGET, CONFIG)
                .evidence()).isEmpty();
    }

    @Test
    void defaultsToNoUsesNoLoginAndAGenericReason() {
        ObservedCheck<String> plain = check((String o, EnvironmentConfig c) -> Verdict.pass(o));
        assertThat(plain.uses()).isEmpty();
        assertThat(plain.needsBrowserLogin(CONFIG)).isEmpty();
        assertThat(plain.notApplicable(CONFIG)).isEqualTo("not configured for this environment");
        assertThat(plain.observation(TARGET, CONFIG).key()).isEqualTo("k https://api.example.com");
    }

    @Test
    void eachWithReturnsANewCheckAndLeavesTheOriginalAsItWas() {
        ObservedCheck<String> plain = check((String o, EnvironmentConfig c) -> Verdict.pass(o));
        ObservedCheck<String> configured = plain.alsoUsing("a.b", "c").withNotApplicable(c -> "set a.b")
                .withBrowserLogin(c -> Optional.of("its token comes from the login"));

        assertThat(configured.uses()).containsExactlyInAnyOrder("a.b", "c");
        assertThat(configured.notApplicable(CONFIG)).isEqualTo("set a.b");
        assertThat(configured.needsBrowserLogin(CONFIG)).hasValue("its token comes from the login");
        assertThat(plain.uses()).isEmpty();
        assertThat(plain.needsBrowserLogin(CONFIG)).isEmpty();
    }
}
