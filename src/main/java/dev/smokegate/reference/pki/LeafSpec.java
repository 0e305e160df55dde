package dev.smokegate.reference.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a leaf certificate should look like. The defaults describe a healthy, publicly acceptable server
 * certificate; each builder method lets a fault deviate in exactly one way (expired, SHA-1, RSA-1024, wrong host).
 *
 * @param commonName  the subject CN; by default the first DNS name (or the first IP), as public CAs do
 * @param dnsNames    SAN dNSName entries
 * @param ipAddresses SAN iPAddress entries, as literals
 * @param digest      hash of the issuer's signature, e.g. {@code SHA256}; the issuer's key decides RSA or ECDSA
 */
public record LeafSpec(
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        Instant notBefore,
        Instant notAfter,
        KeyType keyType,
        String digest) {

    /** Like public CAs: valid for 90 days, backdated an hour so small clock skew between hosts does not matter. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    static final Duration BACKDATE = Duration.ofHours(1);

    public LeafSpec {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(digest, "digest");
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a leaf needs at least one DNS name or IP address");
        }
        if (commonName == null) {
            commonName = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
        }
    }

    public static Builder forHosts(String... dnsNames) {
        return new Builder().dnsNames(dnsNames);
    }

    public static final class Builder {
        private String commonName;
        private final List<String> dnsNames = new ArrayList<>();
        private final List<String> ipAddresses = new ArrayList<>();
        private Instant notBefore;
        private Instant notAfter;
        private KeyType keyType = KeyType.EC_P256;
        private String digest = "SHA256";

        private Builder() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            notBefore = now.minus(BACKDATE);
            notAfter = now.plus(DEFAULT_LIFETIME);
        }

        /** A subject CN other than the first SAN, e.g. the right host name on a leaf whose SAN names another. */
        public Builder commonName(String commonName) {
            this.commonName = commonName;
            return this;
        }

        public Builder dnsNames(String... names) {
            dnsNames.addAll(List.of(names));
            return this;
        }

        public Builder ipAddresses(String... literals) {
            ipAddresses.addAll(List.of(literals));
            return this;
        }

        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            return this;
        }

        public Builder keyType(KeyType keyType) {
            this.keyType = keyType;
            return this;
        }

        public Builder digest(String digest) {
            this.digest = digest;
            return this;
        }

        public LeafSpec build() {
            return new LeafSpec(commonName, dnsNames, ipAddresses, notBefore, notAfter, keyType, digest);
        }
    }
}
