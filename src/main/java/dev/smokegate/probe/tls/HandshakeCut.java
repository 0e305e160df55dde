package dev.smokegate.probe.tls;

import java.io.IOException;

/**
 * Thrown from inside BouncyCastle's handshake once the scan has seen what it came for. It unwinds the handshake;
 * BouncyCastle answers with a fatal alert and the connection is closed. Not an error.
 */
final class HandshakeCut extends IOException {
    private static final long serialVersionUID = 1L;

    HandshakeCut() {
        super("handshake cut by the scanner after it had what it needed", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
