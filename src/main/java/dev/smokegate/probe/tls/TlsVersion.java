package dev.smokegate.probe.tls;

/** The protocol versions a scan asks a server about, oldest first. */
public enum TlsVersion {
    SSL_3_0("SSLv3"), TLS_1_0("TLSv1.0"), TLS_1_1("TLSv1.1"), TLS_1_2("TLSv1.2"), TLS_1_3("TLSv1.3");

    private final String label;

    TlsVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean legacy() {
        return this == SSL_3_0 || this == TLS_1_0 || this == TLS_1_1;
    }
}
