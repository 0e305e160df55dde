package dev.smokegate.probe.tls;

import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.tls.HandshakeResult.Failure;
import dev.smokegate.probe.tls.HandshakeResult.Kind;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;
import org.bouncycastle.tls.crypto.TlsCrypto;

/** Runs one handshake of a scan on a fresh connection and turns whatever happens into a {@link HandshakeResult}. */
final class Handshake {

    private Handshake() {
    }

    static HandshakeResult run(Dialer dialer, TlsCrypto crypto, Offer offer) {
        HandshakeCapture capture = new HandshakeCapture(offer);
        Dialer.Guarded connection;
        try {
            connection = dialer.connect();
        } catch (IOException e) {
            return capture.result(Optional.of(connectFailure(e, dialer)));
        }
        EndWatch input = null;
        try (connection) {
            input = new EndWatch(connection.socket().getInputStream());
            ScanProtocol protocol = new ScanProtocol(input, connection.socket().getOutputStream(), capture);
            protocol.connect(new ScanClient(crypto, capture));
            protocol.close();
            return capture.result(Optional.empty());
        } catch (IOException | RuntimeException e) {
            if (capture.wasCut()) {
                return capture.result(Optional.empty());
            }
            if (input != null && input.ended && capture.serverHelloSeen() && !connection.expired()
                    && !(e instanceof TlsFatalAlertReceived)) {
                // BouncyCastle reports the end of the stream mid-handshake as its own handshake_failure alert.
                return capture.result(Optional.of(new Failure(Kind.CLOSED, "server closed the connection after the "
                        + "ServerHello without an alert, waiting for the " + capture.awaited())));
            }
            return capture.result(Optional.of(handshakeFailure(e, connection.expired(), dialer, capture)));
        }
    }

    /** The server's side of the connection, noting whether it ended. */
    private static final class EndWatch extends FilterInputStream {
        private volatile boolean ended;

        EndWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return noted(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return noted(super.read(buffer, offset, length));
        }

        private int noted(int result) {
            if (result < 0) {
                ended = true;
            }
            return result;
        }
    }

    static Failure connectFailure(IOException e, Dialer dialer) {
        String target = dialer.dialled();
        if (e instanceof UnknownHostException) {
            String message = e.getMessage() != null && e.getMessage().startsWith("could not resolve host")
                    ? e.getMessage() : "could not resolve host " + target;
            return new Failure(Kind.UNRESOLVED, message);
        }
        if (e instanceof SocketTimeoutException) {
            return new Failure(Kind.CONNECT_TIMEOUT, "timed out connecting to " + target + " (no TCP connection within "
                    + Dialer.seconds(dialer.connectTimeout()) + ")");
        }
        if (e instanceof NoRouteToHostException) {
            return new Failure(Kind.UNREACHABLE, "no route to host " + target);
        }
        if (e instanceof ConnectException) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("refused")) {
                return new Failure(Kind.CONNECTION_REFUSED, "connection refused by " + target
                        + " (nothing listening on that port)");
            }
            if (message.contains("unreachable")) {
                return new Failure(Kind.UNREACHABLE, "network unreachable for " + target);
            }
            if (message.contains("timed out")) {
                return new Failure(Kind.CONNECT_TIMEOUT, "timed out connecting to " + target);
            }
            return new Failure(Kind.UNREACHABLE, "could not connect to " + target + ": " + FailureText.of(e));
        }
        return new Failure(Kind.OTHER, "could not connect to " + target + ": " + FailureText.of(e));
    }

    static Failure handshakeFailure(Throwable e, boolean expired, Dialer dialer, HandshakeCapture capture) {
        if (expired || e instanceof SocketTimeoutException) {
            String waited = Dialer.seconds(expired ? dialer.connectionBudget() : dialer.readTimeout());
            if (capture.serverHelloSeen()) {
                return new Failure(Kind.READ_TIMEOUT, "stalled after the ServerHello: no " + capture.awaited()
                        + " within " + waited);
            }
            return new Failure(Kind.READ_TIMEOUT, expired
                    ? "no response within " + waited + ": the handshake did not finish before the connection's deadline"
                    : "no response within " + waited
                    + " after the ClientHello (server accepted the TCP connection but did not answer)");
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return new Failure(Kind.ALERT, "server sent alert " + AlertDescription.getName(received.getAlertDescription()));
        }
        if (e instanceof TlsNoCloseNotifyException || e instanceof EOFException) {
            return new Failure(Kind.CLOSED, "server closed the connection without an alert");
        }
        if (e instanceof SocketException) {
            if (FailureText.saysReset(e)) {
                return new Failure(Kind.RESET, "server reset the connection without an alert");
            }
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("closed")) {
                return new Failure(Kind.CLOSED, "server closed the connection without an alert");
            }
            return new Failure(Kind.OTHER, "connection failed: " + FailureText.of(e));
        }
        if (e instanceof TlsFatalAlert alert) {
            String message = FailureText.withoutClassNames(alert.getMessage());
            String detail = message.isEmpty() ? AlertDescription.getName(alert.getAlertDescription()) : message;
            return new Failure(Kind.PROTOCOL, "client rejected the server's answer: " + detail);
        }
        if (e instanceof IOException && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed")) {
            return new Failure(Kind.CLOSED, "server closed the connection without an alert");
        }
        return new Failure(Kind.OTHER, "handshake failed: " + FailureText.of(e));
    }
}
