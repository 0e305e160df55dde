package dev.smokegate.reference.pki;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The protocol versions and cipher suites one JDK TLS server accepts, in its order of preference. Applied per
 * server through {@link SSLParameters}, never through JVM-wide security properties.
 */
public record TlsServerSettings(List<String> protocols, List<String> cipherSuites) {

    private static final List<String> TLS_1_3_SUITES =
            List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
    /** Forward-secret AEAD suites for TLS 1.2; the certificate's key decides between ECDSA and RSA. */
    private static final List<String> ECDHE_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final List<String> STATIC_RSA_SUITES =
            List.of("TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256");

    /** TLS 1.3 and 1.2, AEAD suites, ECDHE key exchange only: what a current production edge offers. */
    public static final TlsServerSettings MODERN =
            new TlsServerSettings(List.of("TLSv1.3", "TLSv1.2"), concat(TLS_1_3_SUITES, ECDHE_SUITES));

    /** Like {@link #MODERN} without TLS 1.3. */
    public static final TlsServerSettings TLS_1_2_ONLY = new TlsServerSettings(List.of("TLSv1.2"), ECDHE_SUITES);

    /** Like {@link #MODERN}, but TLS 1.2 offers only static-RSA key exchange (no forward secrecy); needs an RSA key. */
    public static final TlsServerSettings STATIC_RSA_KEY_EXCHANGE =
            new TlsServerSettings(List.of("TLSv1.3", "TLSv1.2"), concat(TLS_1_3_SUITES, STATIC_RSA_SUITES));

    public TlsServerSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /**
     * Parameters for a server built on {@code context}: these protocols and suites, the server's order preferred.
     *
     * @throws IllegalStateException if the JDK supports none of the suites
     */
    public SSLParameters applyTo(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        String[] suites = cipherSuites.stream().filter(supported::contains).toArray(String[]::new);
        if (suites.length == 0) {
            throw new IllegalStateException("the JDK supports none of " + cipherSuites + "; it has "
                    + Arrays.toString(context.getSupportedSSLParameters().getCipherSuites()));
        }
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setCipherSuites(suites);
        parameters.setUseCipherSuitesOrder(true);
        return parameters;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
