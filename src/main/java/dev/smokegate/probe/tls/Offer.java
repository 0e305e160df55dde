package dev.smokegate.probe.tls;

import java.util.List;
import java.util.Optional;

/**
 * What one ClientHello offers and how far the handshake goes.
 *
 * @param versions      the versions offered; a range is sent as the highest plus supported_versions for TLS 1.3
 * @param suites        raw suite codes, in the order offered
 * @param serverName    the SNI host name; empty for IP literals
 * @param askForStaple  send status_request (OCSP stapling) and signed_certificate_timestamp
 * @param stop          where to cut the handshake once the facts it is for are in
 */
record Offer(List<TlsVersion> versions, int[] suites, Optional<String> serverName, boolean askForStaple, Stop stop) {

    enum Stop {
        /** After the ServerHello, or after the ServerKeyExchange when a DHE suite was chosen (to read the group). */
        AFTER_SERVER_HELLO,
        /** After the certificate chain (and, on TLS 1.2, its stapled status): nothing later is needed. */
        AFTER_CERTIFICATE
    }

    Offer {
        versions = List.copyOf(versions);
        suites = suites.clone();
    }

    static Offer helloOnly(List<TlsVersion> versions, int[] suites, Optional<String> serverName) {
        return new Offer(versions, suites, serverName, false, Stop.AFTER_SERVER_HELLO);
    }

    String versionsLabel() {
        if (versions.size() == 1) {
            return versions.get(0).label();
        }
        return versions.get(0).label() + "–" + versions.get(versions.size() - 1).label();
    }
}
