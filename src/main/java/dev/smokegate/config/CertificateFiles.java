package dev.smokegate.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CA certificate files: the config and {@code --ca-file} validate them, the probes trust what is in them.
 * Only a regular file of bounded size is read: a pipe or a device named here would otherwise hang the run before
 * anything is probed.
 */
public final class CertificateFiles {

    /** A CA file holds a few certificates of a few KiB each; anything this large is not one. */
    static final int MAX_BYTES = 1 << 20;

    private CertificateFiles() {
    }

    /**
     * Every certificate in a PEM (or DER) file. A missing file is a {@link NoSuchFileException}; any other file that
     * cannot serve is an exception whose message says why, in words for the user.
     */
    public static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file (a pipe or device is not read)");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1); // bounded even if the file grows after the checks above
        }
        if (content.length > MAX_BYTES) {
            throw new IOException("larger than 1 MiB (a CA file holds a few certificates)");
        }
        List<X509Certificate> result = new ArrayList<>();
        try {
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))
                    .forEach(c -> result.add((X509Certificate) c));
        } catch (CertificateException e) {
            result.clear(); // the parser's own words name its exception classes; what the user needs is below
        }
        if (result.isEmpty()) {
            throw new GeneralSecurityException("no PEM or DER certificate in it");
        }
        return result;
    }
}
