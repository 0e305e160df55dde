package dev.smokegate.reference.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.pki.CertificateAuthority;
import dev.smokegate.reference.pki.IssuedCertificate;
import dev.smokegate.reference.pki.LeafSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExternalProcesses
class NginxServerTest {

    private static final IssuedCertificate LEAF = CertificateAuthority.createRoot("Nginx Test Root")
            .issueIntermediate("Nginx Test Issuing CA").issue(LeafSpec.forHosts("nginx.example.test").build());

    @Test
    void stopsAndStartsAgainOnTheSamePort(@TempDir Path dir) throws IOException {
        try (NginxServer server = NginxServer.start(dir.resolve("nginx"), site("ECDHE-ECDSA-AES128-GCM-SHA256"))) {
            int port = server.port();
            ProcessHandle first = server.process().orElseThrow();
            assertThat(accepts(port)).isTrue();

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThat(first.isAlive()).isFalse();
            assertThat(accepts(port)).isFalse();

            server.start();
            assertThat(server.port()).isEqualTo(port);
            assertThat(accepts(port)).isTrue();
        }
    }

    @Test
    void aConfigurationNginxRejectsFailsTheStartWithItsErrorLogAndLeavesNothingRunning(@TempDir Path dir)
            throws IOException {
        List<ProcessHandle> before = nginxProcesses();

        assertThatThrownBy(() -> NginxServer.start(dir.resolve("nginx"), site("NO-SUCH-CIPHER")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nginx exited with code 1 during start")
                .hasMessageContaining("error.log")
                .hasMessageContaining("SSL_CTX_set_cipher_list");
        assertThat(nginxProcesses()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static NginxServer.TlsSite site(String ciphers) {
        return new NginxServer.TlsSite("nginx.example.test", LEAF.chain(), LEAF.privateKey(), List.of("TLSv1.2"),
                ciphers, true, Optional.empty(), Optional.empty());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<ProcessHandle> nginxProcesses() {
        try (Stream<ProcessHandle> all = ProcessHandle.current().descendants()) {
            return all.filter(p -> p.info().command().map(c -> c.endsWith("nginx")).orElse(false)).toList();
        }
    }
}
