package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA file is read whole before anything is probed, so whatever is named there must end: a pipe or a device would
 * hang the run before it starts. The timeouts bound what a version that reads them anyway would do.
 */
class TrustSettingsTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deviceIsRefusedWithoutBeingRead() {
        assertThat(TrustSettings.unreadable(Path.of("/dev/zero"))).contains("not a regular file (a pipe or device is not read)");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fifoIsRefusedWithoutWaitingForAWriter() throws IOException, InterruptedException {
        Path fifo = dir.resolve("ca.pem");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

        assertThat(TrustSettings.unreadable(fifo)).contains("not a regular file (a pipe or device is not read)");
    }

    @Test
    void directoryIsNamedAsOne() {
        assertThat(TrustSettings.unreadable(dir)).contains("it is a directory");
    }

    @Test
    void fileLargerThanOneMebibyteIsRefused() throws IOException {
        Path large = Files.write(dir.resolve("ca.pem"), new byte[(1 << 20) + 1]);

        assertThat(TrustSettings.unreadable(large)).contains("larger than 1 MiB (a CA file holds a few certificates)");
    }

    @Test
    void fileWithoutCertificatesSaysSoWithoutAnExceptionName() throws IOException {
        Path garbage = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThat(TrustSettings.unreadable(garbage)).contains("no PEM or DER certificate in it");
        assertThat(TrustSettings.unreadable(empty)).contains("no PEM or DER certificate in it");
    }

    @Test
    void missingFileIsNamedAsMissing() {
        assertThat(TrustSettings.unreadable(dir.resolve("missing.pem"))).contains("no such file");
    }
}
