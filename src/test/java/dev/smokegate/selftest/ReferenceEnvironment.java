package dev.smokegate.selftest;

import dev.smokegate.check.Catalogue;
import dev.smokegate.config.ConfigLoader;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.HostMapping;
import dev.smokegate.config.Timeouts;
import dev.smokegate.config.TrustSettings;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.TrustMaterial;
import dev.smokegate.reference.ReferenceDeployment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** suites/demo.yaml pointed at a running reference deployment, as {@code ./smokegate demo} does it. */
final class ReferenceEnvironment {

    /** Short enough that the hanging-health fault costs seconds, long enough for a loaded 2-core CI machine. */
    static final Timeouts SELF_TEST_TIMEOUTS =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(60));

    private ReferenceEnvironment() {
    }

    static EnvironmentConfig config(ReferenceDeployment deployment) throws Exception {
        return config(deployment, Path.of("suites", "demo.yaml"), Map.of());
    }

    /** The same, with some of the secrets `demo` passes replaced (an app wired differently, e.g. REDIS_URL). */
    static EnvironmentConfig config(ReferenceDeployment deployment, Map<String, String> replaced) throws Exception {
        return config(deployment, Path.of("suites", "demo.yaml"), replaced);
    }

    /** {@code file}, a variant of demo.yaml, pointed at {@code deployment}. */
    static EnvironmentConfig config(ReferenceDeployment deployment, Path file) throws Exception {
        return config(deployment, file, Map.of());
    }

    private static EnvironmentConfig config(ReferenceDeployment deployment, Path file, Map<String, String> replaced)
            throws Exception {
        // The deployment's secrets (GitHub test account, DATABASE_URL, ...), as `demo` passes them.
        Map<String, String> environment = new HashMap<>(deployment.environment());
        environment.putAll(replaced);
        EnvironmentConfig demo = new ConfigLoader(environment, id -> true).load(file);
        return demo.newBuilder()
                .trust(TrustSettings.withExtraCa(deployment.caCertificateFile()))
                .timeouts(SELF_TEST_TIMEOUTS)
                .connectTo(demo.connectTo().plus(deployment.connectTo().stream()
                        .map(m -> HostMapping.parse(m).orElseThrow()).toList()))
                .build();
    }

    static RunSession open(EnvironmentConfig config, Selection selection) throws Exception {
        ProbeContext context = new ProbeContext(config, TrustMaterial.sslContext(config.trust().extraCaFile()));
        return RunSession.open(config, selection, Catalogue.all(), context, 8, Clock.systemUTC());
    }
}
