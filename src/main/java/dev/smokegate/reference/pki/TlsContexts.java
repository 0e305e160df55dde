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

    private TlsContexts() {
    }

    public static SSLContext server(IssuedCertificate identity) {
        return server(identity.chain(), identity.privateKey());
    }

    /**
     * A server context that sends {@code chain} exactly as given. SunX509 neither reorders, completes nor filters the
     * chain (unlike the PKIX key manager, which prefers valid certificates), so faults can serve broken chains.
     */
    public static SSLContext server(List<X509Certificate> chain, PrivateKey key) {
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
