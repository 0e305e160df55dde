package dev.smokegate.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads CA certificate files: the config and {@code --ca-file} validate them, the probes trust what is in them. */
public final class CertificateFiles {

    private CertificateFiles() {
    }

    /** Every certificate in a PEM (or DER) file; an empty or unreadable file is an error. */
    public static List<X509Certificate> read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("no certificate found in " + file);
            }
            List<X509Certificate> result = new ArrayList<>();
            certs.forEach(c -> result.add((X509Certificate) c));
            return result;
        }
    }
}
