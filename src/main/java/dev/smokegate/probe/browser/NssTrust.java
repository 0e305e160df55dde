package dev.smokegate.probe.browser;

import dev.smokegate.config.CertificateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a Chromium on Linux trust the configured extra CA the way a person would: in the NSS database of its
 * {@code $HOME} ({@code ~/.pki/nssdb}), as a CA trusted to identify web sites ({@code certutil -t "C,,"}). Never
 * by switching certificate errors off: the browser verifies every chain exactly as it does for a user.
 */
final class NssTrust {

    private static final Duration CERTUTIL_TIMEOUT = Duration.ofSeconds(20);

    private NssTrust() {
    }

    /** Creates an empty NSS database under {@code home} and adds every certificate of {@code caFile} to it. */
    static void install(Path home, Path caFile, Path certutil) throws IOException {
        Path db = Files.createDirectories(home.resolve(".pki").resolve("nssdb"));
        run(List.of(certutil.toString(), "-N", "-d", "sql:" + db, "--empty-password"), "create the NSS database");
        List<X509Certificate> cas;
        try {
            cas = CertificateFiles.read(caFile);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the extra CA file " + caFile + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < cas.size(); i++) {
            Path pem = home.resolve("ca-" + i + ".pem");
            Files.writeString(pem, pem(cas.get(i)), StandardCharsets.US_ASCII);
            run(List.of(certutil.toString(), "-A", "-d", "sql:" + db, "-n", "smokegate-extra-ca-" + i, "-t", "C,,",
                    "-i", pem.toString()), "add the extra CA to the NSS database");
        }
    }

    private static String pem(X509Certificate certificate) throws IOException {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode a CA certificate: " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(CERTUTIL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("certutil did not " + what + " within " + CERTUTIL_TIMEOUT.toSeconds() + " s");
            }
            String output = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IOException("certutil could not " + what + " (exit " + process.exitValue() + ")"
                        + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while certutil was to " + what, e);
        }
    }
}
