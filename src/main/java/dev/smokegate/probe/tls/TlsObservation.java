package dev.smokegate.probe.tls;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one scan of one TLS endpoint found: raw facts only, every {@code tls.*} check judges from here.
 *
 * @param host             the name used for SNI and expected in the certificate
 * @param port             the public port
 * @param dialled          the address actually dialled ({@code host:port}, or the connect-to mapping)
 * @param chain            the certificates exactly as the server sent them, leaf first; empty when no handshake
 *                         completed far enough to see them
 * @param path             whether and how that chain builds to the run's trust anchors, without AIA fetching
 * @param versions         each version offered on its own, and whether the server accepted it
 * @param acceptedSuites   the cipher suites the server chose when offered suite families one at a time
 * @param serverChoices    per accepted version up to TLS 1.2, the suite the server chose when offered every suite
 *                         in a current client's order (forward-secret AEAD first, static RSA after, weak last):
 *                         what a current client negotiates on that version
 * @param dheGroupBits     the smallest finite-field DHE group the server used, when it used DHE at all
 * @param secureRenegotiation whether the server signalled RFC 5746 renegotiation_info on TLS 1.2 or below;
 *                         empty when no such handshake completed
 * @param stapledOcsp      the DER OCSPResponse the server stapled, if any
 * @param tlsExtensionScts number of SCTs in the signed_certificate_timestamp TLS extension
 * @param revocation       what the revocation sources say about the leaf
 * @param modernOfferRefused the alert with which the server refused the ClientHello of a current client (TLS 1.0–1.3,
 *                         a current client's suites) before any ServerHello, e.g. {@code server sent alert
 *                         handshake_failure}; the chain then comes from a handshake offering every suite
 * @param failure          why no handshake got as far as the certificate (refused, timed out, an alert to every
 *                         offer), if so
 * @param retries          the transport errors retried during the scan, one handshake step at a time
 */
public record TlsObservation(String host, int port, String dialled, List<X509Certificate> chain,
                             PathValidation path, Map<TlsVersion, VersionProbe> versions,
                             List<AcceptedSuite> acceptedSuites, Map<TlsVersion, AcceptedSuite> serverChoices,
                             OptionalInt dheGroupBits, Optional<Boolean> secureRenegotiation,
                             Optional<byte[]> stapledOcsp, int tlsExtensionScts, RevocationStatus revocation,
                             Optional<String> modernOfferRefused, Optional<String> failure,
                             List<TransportError> retries) implements Retried {

    public TlsObservation {
        chain = List.copyOf(chain);
        retries = List.copyOf(retries);
        versions = Map.copyOf(versions);
        acceptedSuites = List.copyOf(acceptedSuites);
        serverChoices = Map.copyOf(serverChoices);
        stapledOcsp = stapledOcsp.map(byte[]::clone);
    }

    /** One protocol version offered alone. */
    public record VersionProbe(boolean accepted, String detail) {
    }

    /** A suite the server chose, with the version it chose it under. */
    public record AcceptedSuite(TlsVersion version, int code, String name) {
    }

    /**
     * The chain as sent, built towards the trust anchors (system roots plus the configured extra CA).
     *
     * @param trusted        the sent chain reaches an anchor and validates (signatures, validity, constraints)
     * @param complete       every certificate between the leaf and an anchor (or the chain's own root) was sent
     * @param anchor         subject of the anchor reached, if any
     * @param systemAnchor   the anchor is one of the JDK's system roots (publicly trusted), not the extra CA
     * @param problem        why it does not validate, in the validator's words
     */
    public record PathValidation(boolean trusted, boolean complete, Optional<String> anchor, boolean systemAnchor,
                                 Optional<String> problem) {
    }

    /**
     * What the revocation sources say about the leaf: the staple if there was one, else OCSP or the CRL named in
     * the certificate.
     */
    public record RevocationStatus(Source source, Status status, String detail) {

        public enum Source { STAPLE, OCSP, CRL, NONE }

        public enum Status { GOOD, REVOKED, UNKNOWN, LOOKUP_FAILED, NO_SOURCE }
    }

    public boolean handshakeSucceeded() {
        return failure.isEmpty() && !chain.isEmpty();
    }
}
