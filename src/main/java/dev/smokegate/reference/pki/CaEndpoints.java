package dev.smokegate.reference.pki;

import java.net.URI;
import java.util.Objects;

/**
 * Where a CA publishes its own certificate and the status of the certificates it issues. Each certificate it issues
 * names all three: the CA certificate ({@code caIssuers}) and the OCSP URL in its Authority Information Access
 * extension, the CRL URL as its CRL distribution point.
 */
public record CaEndpoints(URI caIssuers, URI ocsp, URI crl) {

    public CaEndpoints {
        Objects.requireNonNull(caIssuers, "caIssuers");
        Objects.requireNonNull(ocsp, "ocsp");
        Objects.requireNonNull(crl, "crl");
    }
}
