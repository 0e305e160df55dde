package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.TlsSettings;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Suite;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.TlsFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every tls.* check can fail: the TLS suite runs through the JUnit Platform against one broken TLS
 * host of the reference deployment at a time, and exactly the expected checks fail (or warn), each with a message
 * that names the problem. The healthy hosts are covered by {@link FaultMatrixTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExternalProcesses
class TlsFaultMatrixTest {

    private static final Selection TLS = new Selection(Suite.FULL, List.of("tls.*"));

    private ReferenceDeployment deployment;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = ReferenceDeployment.start();
    }

    @AfterAll
    void stopDeployment() {
        deployment.close();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.TlsFaultCase#ALL")
    void faultHostFailsExactlyItsChecks(TlsFaultCase fault) throws Exception {
        String host = deployment.tlsFaultHost(fault.fault());
        EnvironmentConfig config = ReferenceEnvironment.config(deployment).newBuilder()
                .tls(new TlsSettings(List.of(host))).build();

        SuiteRun run = SuiteRun.of(config, TLS);

        Map<String, String> failed = run.failed();
        assertThat(failed.keySet()).as("failing checks on " + host + ": " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
        assertThat(run.warned().keySet()).as("warning checks on " + host + ": " + run.warned())
                .containsExactlyInAnyOrderElementsOf(fault.warning());
        fault.warnings().forEach((id, fragment) -> assertThat(run.warned().get(id)).as(id).contains(fragment));
    }

    @Test
    void aMissingStapleFailsWhenTheConfigSaysFail() throws Exception {
        String host = deployment.tlsFaultHost(TlsFault.NO_OCSP_STAPLE);
        EnvironmentConfig config = ReferenceEnvironment.config(deployment).newBuilder()
                .tls(new TlsSettings(List.of(host), TlsSettings.MissingStaple.FAIL)).build();

        SuiteRun run = SuiteRun.of(config, TLS);

        assertThat(run.failed()).containsOnlyKeys("tls.ocsp-stapling");
        assertThat(run.failed().get("tls.ocsp-stapling")).contains("but the server staples no response");
        assertThat(run.warned()).isEmpty();
    }
}
