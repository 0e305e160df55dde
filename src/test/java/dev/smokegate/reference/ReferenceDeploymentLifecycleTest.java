package dev.smokegate.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.services.ManagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@ExternalProcesses
class ReferenceDeploymentLifecycleTest {

    /** Stopped processes may linger as zombies until init reaps them; the servers themselves are already down. */
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void closeStopsPostgresRedisAndTheOAuthAppWithAllTheirProcessesAndDeletesTheWorkDirectory() throws IOException {
        ReferenceDeployment deployment = ReferenceDeployment.start();
        Path workDirectory = deployment.workDirectory();
        List<ProcessHandle> processes = new ArrayList<>();
        for (ManagedService service : List.of(deployment.postgres(), deployment.redis())) {
            ProcessHandle main = service.process().orElseThrow();
            processes.add(main);
            main.descendants().forEach(processes::add);
        }
        processes.add(deployment.oauthAppProcess());
        assertThat(processes).hasSizeGreaterThan(3); // the postmaster has background workers

        deployment.close();

        assertThat(Files.exists(workDirectory)).isFalse();
        assertThat(processes).allSatisfy(process -> assertThat(goneWithin(process, REAP_TIMEOUT))
                .as("pid %d is gone", process.pid()).isTrue());
    }

    @Test
    void tlsFaultHostsStartOnlyWhenAskedForAndCloseStopsTheirNginxProcesses() throws IOException {
        ReferenceDeployment deployment = ReferenceDeployment.start();
        List<String> healthyMappings = deployment.connectTo();
        deployment.tlsFaultHost(TlsFault.LEGACY_TLS_ENABLED);
        deployment.tlsFaultHost(TlsFault.DHE_1024);
        deployment.tlsFaultHost(TlsFault.EXPIRED_LEAF);
        List<ProcessHandle> nginx = List.of(
                deployment.tlsFaultNginx(TlsFault.LEGACY_TLS_ENABLED).orElseThrow().process().orElseThrow(),
                deployment.tlsFaultNginx(TlsFault.DHE_1024).orElseThrow().process().orElseThrow());
        int jdkPort = deployment.tlsFaultPort(TlsFault.EXPIRED_LEAF);

        deployment.close();

        assertThat(healthyMappings).hasSize(2 * ReferenceHosts.ALL.size())
                .noneMatch(mapping -> mapping.contains(TlsFault.DOMAIN));
        assertThat(nginx).allSatisfy(process -> assertThat(goneWithin(process, REAP_TIMEOUT))
                .as("nginx pid %d is gone", process.pid()).isTrue());
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", jdkPort).close())
                .as("JDK fault host stopped").isInstanceOf(java.net.ConnectException.class);
        assertThatThrownBy(() -> deployment.tlsFaultHost(TlsFault.NULL_CIPHER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeIsIdempotentAndAClosedDeploymentRefusesFaults() throws IOException {
        ReferenceDeployment deployment = ReferenceDeployment.start();
        deployment.inject(Fault.POSTGRES_STOPPED);

        deployment.close();
        deployment.close();

        assertThatThrownBy(() -> deployment.inject(Fault.HEALTH_500)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(deployment::heal).isInstanceOf(IllegalStateException.class);
    }

    private static boolean goneWithin(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
