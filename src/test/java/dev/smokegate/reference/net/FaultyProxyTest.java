package dev.smokegate.reference.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smokegate.reference.services.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy breaks connections in exactly the way it is told to, and otherwise copies bytes untouched. */
class FaultyProxyTest {

    /** Answers every connection with a 1000-byte greeting once the client has said something, then echoes. */
    private ServerSocket upstream;
    private FaultyProxy proxy;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new ServerSocket(0, 50, Loopback.ADDRESS);
        Thread acceptor = new Thread(() -> {
            while (!upstream.isClosed()) {
                try {
                    Socket client = upstream.accept();
                    Thread echo = new Thread(() -> echo(client));
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void echo(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[1024];
            int read = in.read(buffer);
            byte[] greeting = new byte[1000];
            Arrays.fill(greeting, (byte) 'g');
            client.getOutputStream().write(greeting);
            while (read > 0) {
                client.getOutputStream().write(buffer, 0, read);
                read = in.read(buffer);
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        upstream.close();
    }

    private Socket dial(ProxyFaults faults) throws IOException {
        proxy = FaultyProxy.start("test-proxy", new InetSocketAddress(Loopback.ADDRESS, upstream.getLocalPort()),
                faults);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(Loopback.ADDRESS, proxy.port()), 2_000);
        socket.setSoTimeout(2_000);
        return socket;
    }

    private static byte[] readAtMost(Socket socket, int bytes) throws IOException {
        return socket.getInputStream().readNBytes(bytes);
    }

    @Test
    void copiesBytesBothWaysWhenNothingIsWrong() throws IOException {
        try (Socket socket = dial(ProxyFaults.NONE)) {
            socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));

            byte[] answer = readAtMost(socket, 1005);

            assertThat(new String(answer, 1000, 5, StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(proxy.connections()).isEqualTo(1);
            assertThat(proxy.resets()).isZero();
        }
    }

    @Test
    void addsAtLeastTheMinimumLatencyToARoundTrip() throws IOException {
        try (Socket socket = dial(ProxyFaults.NONE.withLatency(Duration.ofMillis(400), Duration.ofMillis(600)))) {
            long started = System.nanoTime();
            socket.getOutputStream().write('x');
            readAtMost(socket, 1001);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void resetsTheFirstConnectionBeforeAnyByteComesBackAndLetsTheNextThrough() throws IOException {
        try (Socket first = dial(ProxyFaults.NONE.withResetFirst(1))) {
            first.getOutputStream().write('x');
            assertThatThrownBy(() -> readAtMost(first, 1)).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        try (Socket second = new Socket()) {
            second.connect(new InetSocketAddress(Loopback.ADDRESS, proxy.port()), 2_000);
            second.setSoTimeout(2_000);
            second.getOutputStream().write('y');
            assertThat(readAtMost(second, 1001)).hasSize(1001);
        }
        assertThat(proxy.resets()).isEqualTo(1);
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void blackholeAcceptsButNeverAnswers() throws IOException {
        try (Socket socket = dial(ProxyFaults.NONE.withBlackhole(true))) {
            socket.getOutputStream().write('x');

            assertThatThrownBy(() -> readAtMost(socket, 1)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void stallAfterBytesForwardsExactlyThatManyAndThenNothing() throws IOException {
        try (Socket socket = dial(ProxyFaults.NONE.withStallAfter(300))) {
            socket.getOutputStream().write('x');
            byte[] received = new byte[1001];
            int total = 0;
            try {
                for (int read; total < received.length
                        && (read = socket.getInputStream().read(received, total, received.length - total)) > 0; ) {
                    total += read;
                }
            } catch (SocketTimeoutException stalled) {
                // what a stall looks like to the client
            }

            assertThat(total).isEqualTo(300);
        }
    }
}
