package dev.smokegate.reference.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JSSE contexts built from reference PKI material, kept in memory only. */
public final class TlsContexts {

    /** Guards only an in-memory key store that is discarded right away; it protects nothing at rest. */
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();
    /**
     * Server-side OCSP stapling switch of the JDK's TLS implementation. Each SSLContext reads it once, when it is
     * created; it affects only server contexts (clients have their own switch).
     */
    static final String SERVER_STAPLING_PROPERTY = "jdk.tls.server.enableStatusRequestExtension";

    private TlsContexts() {
    }

    public static SSLContext server(IssuedCertificate identity) {
        return server(identity.chain(), identity.privateKey());
    }

    /**
     * A server context that sends {@code chain} exactly as given. SunX509 neither reorders, completes nor filters the
     * chain (unlike the PKIX key manager, which prefers valid certificates), so faults can serve broken chains.
     *
     * <p>It staples OCSP: when a client asks (status_request), the server fetches the leaf's status from the OCSP URL
     * in its AIA extension, asking about the leaf as issued by {@code chain[1]}, caches it until nextUpdate and sends
     * it in the handshake, whatever it says (REVOKED too). So a leaf without OCSP URL gets no staple, and a chain sent
     * without its issuer or out of order no correct one: serve those with a stapling file (nginx) instead. This sets
     * the system property {@value #SERVER_STAPLING_PROPERTY} to {@code true} for the JVM, since that is the JDK's only
     * switch; only server contexts read it.
     */
    public static SSLContext server(List<X509Certificate> chain, PrivateKey key) {
        enableServerStapling();
        try {
            KeyStore store = emptyKeyStore();
            store.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
            keyManagers.init(store, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build server TLS context", e);
        }
    }

    /** A client context that trusts {@code root} and nothing else, not even the JDK's CA bundle. */
    public static SSLContext trustingOnly(X509Certificate root) {
        try {
            KeyStore store = emptyKeyStore();
            store.setCertificateEntry("root", root);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build client TLS context", e);
        }
    }

    private static void enableServerStapling() {
        if (!"true".equals(System.getProperty(SERVER_STAPLING_PROPERTY))) {
            System.setProperty(SERVER_STAPLING_PROPERTY, "true");
        }
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
    }
}
