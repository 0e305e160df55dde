package dev.smokegate.probe.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PostgresTransportProbeTest {

    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    private static final byte[] SCRAM_REQUEST = {'R', 0, 0, 0, 23, 0, 0, 0, 10, 'S', 'C', 'R', 'A', 'M', '-', 'S', 'H',
            'A', '-', '2', '5', '6', 0, 0};

    /** A server that reads the client's first message, answers {@code answer} and closes. */
    private static final class AnsweringTarget implements AutoCloseable {
        private final ServerSocket server;
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();

        AnsweringTarget(byte[] answer) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(2000);
                    InputStream in = client.getInputStream();
                    byte[] length = in.readNBytes(4);
                    int size = ((length[0] & 0xff) << 24) | ((length[1] & 0xff) << 16) | ((length[2] & 0xff) << 8)
                            | (length[3] & 0xff);
                    ByteArrayOutputStream message = new ByteArrayOutputStream();
                    message.writeBytes(length);
                    message.writeBytes(in.readNBytes(size - 4));
                    received.complete(message.toByteArray());
                    client.getOutputStream().write(answer);
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        PostgresUrl url() {
            return PostgresUrl.parse("postgres://app:s3cret-password@127.0.0.1:" + server.getLocalPort()
                    + "/appdb?sslmode=verify-full");
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void anAuthenticationRequestMeansThePlaintextLoginWouldGoAheadAndNoPasswordWasSent() throws Exception {
        try (AnsweringTarget target = new AnsweringTarget(SCRAM_REQUEST)) {
            PlaintextAnswer answer = PostgresTransportProbe.plaintext(target.url(), TIMEOUTS);

            assertThat(answer).isEqualTo(new PlaintextAnswer(Kind.AUTHENTICATION_REQUESTED,
                    "it asked for a SCRAM (SASL) password"));
            String sent = new String(target.received.get(), StandardCharsets.UTF_8);
            assertThat(sent).contains("user\0app\0database\0appdb\0").doesNotContain("s3cret");
        }
    }

    @Test
    void anErrorResponseIsARefusalWithItsSqlState() throws Exception {
        byte[] fields = "SFATAL\0C28000\0Mno pg_hba.conf entry for host \"127.0.0.1\", no encryption\0\0"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream error = new ByteArrayOutputStream();
        error.write('E');
        int length = fields.length + 4;
        error.writeBytes(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length});
        error.writeBytes(fields);
        try (AnsweringTarget target = new AnsweringTarget(error.toByteArray())) {
            assertThat(PostgresTransportProbe.plaintext(target.url(), TIMEOUTS)).isEqualTo(new PlaintextAnswer(
                    Kind.REFUSED, "no pg_hba.conf entry for host \"127.0.0.1\", no encryption (SQLSTATE 28000)"));
        }
    }

    @Test
    void aClosedConnectionIsNoAnswer() throws Exception {
        try (AnsweringTarget target = new AnsweringTarget(new byte[0])) {
            assertThat(PostgresTransportProbe.plaintext(target.url(), TIMEOUTS).kind()).isEqualTo(Kind.NO_ANSWER);
        }
    }

    @Test
    void aClosedPortIsNoConnection() throws Exception {
        // Port 1: nothing listens there, unlike a port just closed, which another test JVM may take meanwhile.
        PostgresUrl url = PostgresUrl.parse("postgres://app:pw@127.0.0.1:1/app");

        PlaintextAnswer answer = PostgresTransportProbe.plaintext(url, TIMEOUTS);

        assertThat(answer.kind()).isEqualTo(Kind.NO_CONNECTION);
        assertThat(answer.detail()).startsWith("connection refused by 127.0.0.1:");
    }

    @Test
    void aServerThatDeclinesTlsFailsTheHandshakeBeforeAnyLogin() throws Exception {
        try (AnsweringTarget target = new AnsweringTarget(new byte[] {'N'})) {
            assertThat(PostgresTransportProbe.tls(target.url(), javax.net.ssl.SSLContext.getDefault(), TIMEOUTS)
                    .failure()).hasValue("the server does not offer TLS (it answered N to SSLRequest)");
        }
    }
}
