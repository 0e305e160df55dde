package dev.smokegate.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client} against one loopback port with a public SNI name: an independent client (OpenSSL, not
 * the JDK) to see what a server really offers. Options such as {@code -tls1} or {@code -cipher} narrow what it
 * offers; {@code @SECLEVEL=0} in a cipher string lets it speak TLS 1.0, NULL or DH-1024 at all.
 */
final class OpensslClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private final Path caFile;

    OpensslClient(Path caFile) {
        this.caFile = caFile;
    }

    /** Handshakes (showing the chain, asking for a staple, checking the name), then closes. */
    Handshake connect(String host, int port, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", host, "-verify_hostname", host, "-CAfile", caFile.toString(), "-showcerts",
                "-status"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // end of input: s_client closes the connection after the handshake
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl s_client did not finish within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Handshake(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** What s_client printed. */
    record Handshake(int exitCode, String output) {

        boolean established() {
            return output.contains("New, TLSv") && !output.contains("Cipher is (NONE)");
        }

        /**
         * E.g. {@code TLSv1.2}, {@code TLSv1} (OpenSSL's name for 1.0). TLS 1.2 and older print it in the session
         * block; TLS 1.3 sessions arrive later (tickets), so a TLS 1.3 suite stands for the version.
         */
        String protocol() {
            Optional<String> session = field("^\\s*Protocol\\s*:\\s*(\\S+)");
            if (session.isPresent()) {
                return session.get();
            }
            if (cipher().startsWith("TLS_")) {
                return "TLSv1.3";
            }
            throw new AssertionError("no protocol in\n" + output);
        }

        /** OpenSSL's name of the negotiated suite, e.g. {@code ECDHE-ECDSA-AES256-GCM-SHA384}. */
        String cipher() {
            return field("^New, \\S+, Cipher is (\\S+)")
                    .filter(cipher -> !cipher.equals("(NONE)"))
                    .orElseThrow(() -> new AssertionError("no cipher in\n" + output));
        }

        /** {@code good}, {@code revoked}, {@code unknown}, or empty if the server stapled nothing. */
        Optional<String> stapledStatus() {
            if (output.contains("OCSP response: no response sent")) {
                return Optional.empty();
            }
            return Optional.of(field("Cert Status: (\\S+)")
                    .orElseThrow(() -> new AssertionError("neither staple nor its absence in\n" + output)));
        }

        /** The responder named in the staple. */
        Optional<String> stapleResponder() {
            return field("Responder Id: (.+)$");
        }

        /** Server ephemeral key, e.g. {@code DH, 1024 bits}; empty for static RSA key exchange. */
        Optional<String> serverTempKey() {
            return field("Server Temp Key: (.+)$");
        }

        boolean secureRenegotiation() {
            return output.contains("Secure Renegotiation IS supported");
        }

        /** OpenSSL's verdict on chain and name: 0 ok, 9 not yet valid, 10 expired, 18 self-signed, 62 name... */
        int verifyCode() {
            return Integer.parseInt(field("Verify return code: (\\d+)")
                    .orElseThrow(() -> new AssertionError("no verify result in\n" + output)));
        }

        /** The certificates exactly as sent, leaf first. */
        List<X509Certificate> chain() {
            List<X509Certificate> chain = new ArrayList<>();
            Matcher pem = PEM.matcher(output);
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                while (pem.find()) {
                    chain.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(pem.group().getBytes(StandardCharsets.US_ASCII))));
                }
            } catch (CertificateException e) {
                throw new AssertionError("unparseable certificate in s_client output", e);
            }
            return chain;
        }

        private Optional<String> field(String regex) {
            Matcher match = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            return match.find() ? Optional.of(match.group(1).trim()) : Optional.empty();
        }

        @Override
        public String toString() {
            return "s_client exit " + exitCode + ":\n" + output;
        }
    }
}
