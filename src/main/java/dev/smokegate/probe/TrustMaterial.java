package dev.smokegate.probe;

import dev.smokegate.config.CertificateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for every TLS connection of a run: the JDK's system roots plus, optionally, the CAs in one extra PEM file
 * (a private CA, or the reference deployment's generated root). Extra CAs add to the roots, never replace them.
 */
public final class TrustMaterial {

    private static volatile List<X509Certificate> systemRoots;

    private TrustMaterial() {
    }

    public static SSLContext sslContext(Optional<Path> extraCaFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (X509Certificate anchor : anchors(extraCaFile)) {
            store.setCertificateEntry("anchor-" + index++, anchor);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /**
     * Every certificate the run trusts: the system roots, then the extra CAs. Tools that take trust only as a file
     * (libpq's {@code PGSSLROOTCERT}, Node's {@code NODE_EXTRA_CA_CERTS}) get exactly these.
     */
    public static List<X509Certificate> anchors(Optional<Path> extraCaFile) throws IOException,
            GeneralSecurityException {
        List<X509Certificate> anchors = new ArrayList<>(systemRoots());
        if (extraCaFile.isPresent()) {
            anchors.addAll(CertificateFiles.read(extraCaFile.get()));
        }
        return anchors;
    }

    /** The JDK default trust store's roots, read once per JVM: it does not change during a run. */
    public static List<X509Certificate> systemRoots() throws GeneralSecurityException {
        List<X509Certificate> roots = systemRoots;
        if (roots == null) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> loaded = new ArrayList<>();
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    loaded.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            roots = List.copyOf(loaded);
            systemRoots = roots;
        }
        return roots;
    }
}
