package dev.smokegate.probe.db;

import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer.Kind;
import dev.smokegate.probe.db.PostgresTransportObservation.TlsAnswer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Speaks just enough of the Postgres v3 protocol to learn, without ever sending a password, whether the server would
 * let a client log in over plaintext, and whether it offers TLS that verifies. The plaintext StartupMessage names the
 * URL's user and database, as the app would; the connection is closed at the server's first answer.
 */
final class PostgresTransportProbe {

    private static final int PROTOCOL_3_0 = 196_608;
    private static final int SSL_REQUEST_CODE = 80_877_103;
    /** An ErrorResponse is a few hundred bytes; anything longer is not one. */
    private static final int MAX_MESSAGE = 8192;

    private PostgresTransportProbe() {
    }

    static PostgresTransportObservation observe(PostgresUrl url, SSLContext trust, Timeouts timeouts) {
        return new PostgresTransportObservation(url.display(), plaintext(url, timeouts), tls(url, trust, timeouts));
    }

    static PlaintextAnswer plaintext(PostgresUrl url, Timeouts timeouts) {
        try (Socket socket = connect(url, timeouts)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(startupMessage(url));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException | SocketTimeoutException e) {
                return new PlaintextAnswer(Kind.NO_ANSWER, e instanceof EOFException ? "the server closed the "
                        + "connection without answering" : "no answer within " + timeouts.read().toMillis() + " ms");
            }
            int length = in.readInt();
            if (length < 4 || length > MAX_MESSAGE) {
                return new PlaintextAnswer(Kind.NO_ANSWER, "the answer is not a Postgres message");
            }
            byte[] body = new byte[length - 4];
            in.readFully(body);
            return switch (type) {
                case 'R' -> new PlaintextAnswer(Kind.AUTHENTICATION_REQUESTED, authentication(body));
                case 'E' -> new PlaintextAnswer(Kind.REFUSED, errorResponse(body));
                default -> new PlaintextAnswer(Kind.NO_ANSWER, "the answer is not a Postgres message");
            };
        } catch (ConnectException e) {
            return new PlaintextAnswer(Kind.NO_CONNECTION, "connection refused by " + url.host() + ":" + url.port());
        } catch (SocketTimeoutException e) {
            return new PlaintextAnswer(Kind.NO_CONNECTION, "no connection within " + timeouts.connect().toMillis()
                    + " ms");
        } catch (IOException e) {
            return new PlaintextAnswer(Kind.NO_ANSWER, FailureText.of(e));
        }
    }

    static TlsAnswer tls(PostgresUrl url, SSLContext trust, Timeouts timeouts) {
        try (Socket plain = connect(url, timeouts)) {
            DataOutputStream out = new DataOutputStream(plain.getOutputStream());
            out.writeInt(8);
            out.writeInt(SSL_REQUEST_CODE);
            out.flush();
            int answer = plain.getInputStream().read();
            if (answer != 'S') {
                return new TlsAnswer(Optional.empty(), Optional.of(answer == 'N'
                        ? "the server does not offer TLS (it answered N to SSLRequest)"
                        : "no answer to SSLRequest"));
            }
            try (SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, url.host(), url.port(),
                    true)) {
                SSLParameters parameters = tls.getSSLParameters();
                // The host name check of sslmode=verify-full.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                return new TlsAnswer(Optional.of(tls.getSession().getProtocol()), Optional.empty());
            }
        } catch (ConnectException e) {
            return new TlsAnswer(Optional.empty(), Optional.of("connection refused by " + url.host() + ":"
                    + url.port()));
        } catch (SocketTimeoutException e) {
            return new TlsAnswer(Optional.empty(), Optional.of("timed out after " + timeouts.read().toMillis()
                    + " ms"));
        } catch (SSLException e) {
            return new TlsAnswer(Optional.empty(), Optional.of("TLS handshake failed: " + FailureText.of(e)));
        } catch (IOException e) {
            return new TlsAnswer(Optional.empty(), Optional.of(FailureText.of(e)));
        }
    }

    private static Socket connect(PostgresUrl url, Timeouts timeouts) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(url.host(), url.port()), (int) timeouts.connect().toMillis());
            socket.setSoTimeout((int) timeouts.read().toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** StartupMessage: length, protocol 3.0, then user and database as NUL-terminated pairs, and a final NUL. */
    static byte[] startupMessage(PostgresUrl url) {
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        for (String text : new String[] {"user", url.user(), "database", url.database()}) {
            parameters.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            parameters.write(0);
        }
        parameters.write(0);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int length = 8 + parameters.size();
        for (int value : new int[] {length, PROTOCOL_3_0}) {
            message.write(value >>> 24);
            message.write(value >>> 16);
            message.write(value >>> 8);
            message.write(value);
        }
        message.writeBytes(parameters.toByteArray());
        return message.toByteArray();
    }

    private static String authentication(byte[] body) {
        int code = body.length >= 4 ? ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8)
                | (body[3] & 0xff) : -1;
        return switch (code) {
            case 0 -> "it let the client in without a password (trust)";
            case 3 -> "it asked for a cleartext password";
            case 5 -> "it asked for an MD5 password";
            case 10 -> "it asked for a SCRAM (SASL) password";
            default -> "it asked for authentication (method " + code + ")";
        };
    }

    /** The SQLSTATE ({@code C}) and message ({@code M}) fields of an ErrorResponse. */
    private static String errorResponse(byte[] body) {
        String code = "";
        String message = "";
        int i = 0;
        while (i < body.length && body[i] != 0) {
            byte field = body[i++];
            int end = i;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            String value = new String(body, i, end - i, StandardCharsets.UTF_8);
            if (field == 'C') {
                code = value;
            } else if (field == 'M') {
                message = value;
            }
            i = end + 1;
        }
        return message + (code.isEmpty() ? "" : " (SQLSTATE " + code + ")");
    }
}
