package dev.smokegate.reference.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JceDefaultTlsCredentialedDecryptor;

/**
 * An HTTPS server on loopback built on BouncyCastle's own TLS API, offering exactly the given versions and cipher
 * suites: for suites neither the JDK (its {@code jdk.tls.disabledAlgorithms} are JVM-wide) nor Debian's OpenSSL 3
 * (built without them) will serve, such as 3DES. It sends {@code chain} as given, staples {@code ocspStaple} to
 * clients that ask, supports secure renegotiation (RFC 5746) and answers one HTTP request per connection with a
 * short text. A client that stays silent is dropped after {@link #CLIENT_TIMEOUT_MILLIS}.
 */
public final class BouncyCastleTlsServer implements AutoCloseable {

    static final int CLIENT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bc-tls-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** On BouncyCastle's provider: the JDK's lacks the binary curves some clients (testssl.sh) name first. */
    private final JcaTlsCrypto crypto = new JcaTlsCryptoProvider().setProvider(new BouncyCastleProvider())
            .create(new SecureRandom());
    private final Certificate certificate;
    private final PrivateKey key;
    private final ProtocolVersion[] versions;
    private final int[] suites;
    private final Optional<byte[]> ocspStaple;
    private final byte[] answer;

    /**
     * Listens on a free loopback port at once.
     *
     * @param versions   e.g. {@code ProtocolVersion.TLSv12.only()}
     * @param suites     IANA codes the server accepts, in its order of preference
     * @param ocspStaple a DER OCSPResponse for clients that send status_request; empty: no stapling
     */
    public BouncyCastleTlsServer(String serverName, List<X509Certificate> chain, PrivateKey key,
                                 ProtocolVersion[] versions, int[] suites, Optional<byte[]> ocspStaple)
            throws IOException {
        this.certificate = certificate(chain);
        this.key = key;
        this.versions = versions.clone();
        this.suites = suites.clone();
        this.ocspStaple = ocspStaple.map(byte[]::clone);
        byte[] body = ("smokegate TLS fault host " + serverName + "\n").getBytes(StandardCharsets.UTF_8);
        this.answer = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "bc-tls-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
            protocol.accept(new Server());
            readRequest(protocol.getInputStream());
            OutputStream out = protocol.getOutputStream();
            out.write(answer);
            out.flush();
            protocol.close();
        } catch (IOException | RuntimeException refusedOrGone) {
            // a client without a common suite, a scanner cutting its handshake, or one that went away
        } finally {
            open.remove(socket);
        }
    }

    /** Up to the blank line that ends an HTTP request's head; whatever comes, one answer follows. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < MAX_REQUEST_BYTES) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        connections.shutdownNow();
    }

    private Certificate certificate(List<X509Certificate> chain) throws IOException {
        TlsCertificate[] certificates = new TlsCertificate[chain.size()];
        for (int i = 0; i < certificates.length; i++) {
            try {
                certificates[i] = crypto.createCertificate(chain.get(i).getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IOException("cannot encode " + chain.get(i).getSubjectX500Principal(), e);
            }
        }
        return new Certificate(certificates);
    }

    /** One connection's server: these versions and suites, signing with a hash the client accepts. */
    private final class Server extends DefaultTlsServer {

        Server() {
            super(crypto);
        }

        @Override
        public ProtocolVersion[] getSupportedVersions() {
            return versions.clone();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(getCrypto(), suites);
        }

        @Override
        protected boolean preferLocalCipherSuites() {
            return true;
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
            return signer(SignatureAlgorithm.ecdsa);
        }

        @Override
        protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
            return signer(SignatureAlgorithm.rsa);
        }

        @Override
        protected TlsCredentialedDecryptor getRSAEncryptionCredentials() {
            return new JceDefaultTlsCredentialedDecryptor(crypto, certificate, key);
        }

        /** Signs with the hash the client asks for first (SHA-1 when it names none, as TLS 1.2 then implies). */
        private TlsCredentialedSigner signer(short algorithm) throws IOException {
            SignatureAndHashAlgorithm chosen = TlsUtils.chooseSignatureAndHashAlgorithm(context,
                    context.getSecurityParametersHandshake().getClientSigAlgs(), algorithm);
            return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, certificate,
                    chosen);
        }

        @Override
        public CertificateStatus getCertificateStatus() {
            return ocspStaple
                    .map(der -> new CertificateStatus(CertificateStatusType.ocsp, OCSPResponse.getInstance(der)))
                    .orElse(null);
        }
    }
}
