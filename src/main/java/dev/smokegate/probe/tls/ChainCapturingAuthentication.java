package dev.smokegate.probe.tls;

import java.io.IOException;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;

/**
 * Records the server's certificate chain exactly as sent (order, duplicates and roots included) together with its
 * stapled OCSP response, and <strong>validates nothing</strong>. This is deliberately the one non-validating
 * {@link TlsAuthentication} in smokegate: the scanner must see broken chains in order to report them, no
 * application data is ever sent over these connections (every scan handshake is cut before it finishes), and the
 * chain is judged afterwards by {@link ChainValidator} against the run's trust anchors. Never reuse it for a
 * connection that carries data.
 */
final class ChainCapturingAuthentication implements TlsAuthentication {

    private final HandshakeCapture capture;

    ChainCapturingAuthentication(HandshakeCapture capture) {
        this.capture = capture;
    }

    @Override
    public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
        capture.certificate(serverCertificate.getCertificate(), serverCertificate.getCertificateStatus());
        if (capture.stopAfterCertificate()) {
            throw capture.cut();
        }
    }

    /** No client certificate: a server that insists on one is observed up to its certificate anyway. */
    @Override
    public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
        return null;
    }
}
