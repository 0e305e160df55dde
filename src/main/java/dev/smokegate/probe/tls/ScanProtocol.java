package dev.smokegate.probe.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bouncycastle.tls.HandshakeMessageInput;
import org.bouncycastle.tls.HandshakeType;
import org.bouncycastle.tls.ServerHello;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * BouncyCastle's client protocol with three observation hooks: the ServerHello (version, suite, extensions) is
 * recorded before BouncyCastle checks it, so suites it cannot run are still seen (and read on past, see
 * {@link #runnable}); a DHE ServerKeyExchange has its
 * prime measured before BouncyCastle processes it; and the certificate chain is recorded as soon as it has arrived,
 * before BouncyCastle's own checks of it (key usage, must-staple) could abort the handshake.
 */
final class ScanProtocol extends TlsClientProtocol {

    private final HandshakeCapture capture;

    ScanProtocol(InputStream input, OutputStream output, HandshakeCapture capture) {
        super(input, output);
        this.capture = capture;
    }

    @Override
    protected ServerHello receiveServerHelloMessage(ByteArrayInputStream buf) throws IOException {
        ServerHello hello = super.receiveServerHelloMessage(buf);
        if (hello.isHelloRetryRequest()) {
            return hello; // TLS 1.3 asks for another key share; BouncyCastle sends a second ClientHello
        }
        capture.serverHello(hello);
        if (capture.stopAtServerHello()) {
            throw capture.cut();
        }
        return runnable(hello);
    }

    /**
     * The ServerHello as BouncyCastle gets to process it: a suite it cannot run (RC4, single DES, IDEA, EXPORT) is
     * swapped for an offered one it can, with the same key exchange, so that the Certificate and a DHE
     * ServerKeyExchange that follow are still read. The server's own choice is already recorded, and nothing is
     * derived from the swap: every scan handshake is cut before a key is.
     */
    private ServerHello runnable(ServerHello hello) {
        TlsCrypto crypto = getContext().getCrypto();
        int chosen = hello.getCipherSuite();
        if (TlsUtils.isSupportedCipherSuite(crypto, chosen)) {
            return hello;
        }
        TlsVersion version = HandshakeCapture.fromBc(hello.getVersion());
        return CipherSuites.standIn(chosen, capture.offer().suites(), version,
                        code -> TlsUtils.isSupportedCipherSuite(crypto, code))
                .stream().mapToObj(code -> new ServerHello(hello.getVersion(), hello.getRandom(),
                        hello.getSessionID(), code, hello.getExtensions()))
                .findFirst().orElse(hello);
    }

    @Override
    protected void handleHandshakeMessage(short type, HandshakeMessageInput buf) throws IOException {
        if (type == HandshakeType.server_key_exchange && capture.dheChosen()) {
            capture.dhPrimeBits(HandshakeCapture.primeBits(buf));
            if (capture.stopAfterKeyExchange()) {
                throw capture.cut();
            }
            // HandshakeMessageInput cannot mark; reset() returns to the message header, which the caller had
            // skipped before handing over the body.
            buf.reset();
            buf.skip(4);
        }
        super.handleHandshakeMessage(type, buf);
    }

    @Override
    protected void handleServerCertificate() throws IOException {
        capture.certificate(getContext().getSecurityParametersHandshake().getPeerCertificate(), certificateStatus);
        if (capture.stopAfterCertificate()) {
            throw capture.cut();
        }
        super.handleServerCertificate();
    }
}
