package dev.smokegate.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;

/**
 * The JDK's own TLS client (SunJSSE) in a JVM of its own whose {@code jdk.tls.disabledAlgorithms} leave 3DES
 * enabled: the independent client for a host that Debian's OpenSSL 3 cannot talk to, without loosening the test
 * JVM's security properties. It offers one version and one suite, verifies chain and name against the CA file, asks
 * for an OCSP staple, and reports what it saw, one fact a line.
 */
final class JsseClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * JDK 17's list without 3DES_EDE_CBC, and without TLSv1 and TLSv1.1, so that a refusal of those is the
     * server's.
     */
    private static final String DISABLED_WITHOUT_3DES = "SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
            + "EC keySize < 224, anon, NULL, ECDH";

    private JsseClient() {
    }

    /** Runs one handshake with {@code host} (SNI and expected name) at {@code 127.0.0.1:port}. */
    static Handshake connect(String host, int port, Path caFile, String protocol, String suite) throws IOException {
        Path security = Files.createTempFile("jsse-client", ".security");
        try {
            Files.writeString(security, "jdk.tls.disabledAlgorithms=" + DISABLED_WITHOUT_3DES + "\n"
                    + "jdk.tls.legacyAlgorithms=\n");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Djava.security.properties=" + security,
                    "-Djdk.tls.client.enableStatusRequestExtension=true",
                    "-cp", System.getProperty("java.class.path"), JsseClient.class.getName(),
                    host, String.valueOf(port), caFile.toString(), protocol, suite)
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("the JSSE client did not finish within " + TIMEOUT);
            }
            return new Handshake(new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(security);
        }
    }

    /** What the client printed. */
    record Handshake(String output) {

        boolean established() {
            return field("protocol").isPresent();
        }

        String protocol() {
            return field("protocol").orElseThrow(() -> new AssertionError("no handshake:\n" + output));
        }

        /** {@code good}, {@code revoked}, {@code unknown}, or empty if nothing was stapled. */
        Optional<String> stapledStatus() {
            return field("staple").filter(status -> !status.equals("none"));
        }

        List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (String line : output.split("\n")) {
                    if (line.startsWith("certificate: ")) {
                        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                                Base64.getDecoder().decode(line.substring("certificate: ".length()).trim()))));
                    }
                }
            } catch (CertificateException e) {
                throw new AssertionError("unparseable certificate in\n" + output, e);
            }
            return chain;
        }

        private Optional<String> field(String name) {
            return output.lines().filter(line -> line.startsWith(name + ": ")).findFirst()
                    .map(line -> line.substring(name.length() + 2).trim());
        }

        @Override
        public String toString() {
            return "JSSE client:\n" + output;
        }
    }

    /** In the child JVM: {@code host port caFile protocol suite}. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String host = args[0];
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca" + i++, ca);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 5_000);
            plain.setSoTimeout(5_000);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {args[3]});
            parameters.setCipherSuites(new String[] {args[4]});
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            ExtendedSSLSession session = (ExtendedSSLSession) socket.getSession();
            out.println("protocol: " + session.getProtocol());
            out.println("suite: " + session.getCipherSuite());
            for (Certificate certificate : session.getPeerCertificates()) {
                out.println("certificate: " + Base64.getEncoder().encodeToString(certificate.getEncoded()));
            }
            List<byte[]> staples = session.getStatusResponses();
            out.println("staple: " + (staples.isEmpty() ? "none" : status(staples.get(0))));
            socket.close();
        } catch (IOException refused) {
            out.println("failed: " + refused);
        }
    }

    private static String status(byte[] der) throws Exception {
        BasicOCSPResp response = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        Object status = response.getResponses()[0].getCertStatus();
        return status == null ? "good" : status instanceof RevokedStatus ? "revoked" : "unknown";
    }
}
