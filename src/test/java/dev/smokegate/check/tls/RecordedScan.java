package dev.smokegate.check.tls;

import dev.smokegate.probe.tls.TlsObservation;
import dev.smokegate.probe.tls.TlsObservation.AcceptedSuite;
import dev.smokegate.probe.tls.TlsObservation.PathValidation;
import dev.smokegate.probe.tls.TlsObservation.RevocationStatus;
import dev.smokegate.probe.tls.TlsObservation.VersionProbe;
import dev.smokegate.probe.tls.TlsVersion;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A scan as a healthy modern server would produce it, changed one fact at a time. This is how handshakes that no
 * server here can produce (SSLv3, RC4, 3DES, EXPORT, insecure renegotiation, public CT) are judged.
 */
final class RecordedScan {

    static final TestCertificates.Issued ROOT = TestCertificates.authority("CN=Recorded Root").issuedBy(null);
    static final TestCertificates.Issued INTERMEDIATE =
            TestCertificates.authority("CN=Recorded Intermediate").issuedBy(ROOT);

    private String host = "app.example.com";
    private List<X509Certificate> chain;
    private PathValidation path = new PathValidation(true, true, Optional.of("CN=Recorded Root"), false,
            Optional.empty());
    private final Map<TlsVersion, VersionProbe> versions = new EnumMap<>(TlsVersion.class);
    private final List<AcceptedSuite> suites = new ArrayList<>(List.of(
            new AcceptedSuite(TlsVersion.TLS_1_2, 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            new AcceptedSuite(TlsVersion.TLS_1_3, 0x1301, "TLS_AES_128_GCM_SHA256")));
    private final Map<TlsVersion, AcceptedSuite> choices = new EnumMap<>(Map.of(TlsVersion.TLS_1_2,
            new AcceptedSuite(TlsVersion.TLS_1_2, 0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")));
    private OptionalInt dheBits = OptionalInt.empty();
    private Optional<Boolean> secureRenegotiation = Optional.of(true);
    private Optional<byte[]> staple = Optional.of(new byte[] {0x30, 0x03, 0x0a, 0x01, 0x00});
    private int tlsScts;
    private RevocationStatus revocation =
            new RevocationStatus(RevocationStatus.Source.STAPLE, RevocationStatus.Status.GOOD, "good");
    private Optional<String> modernOfferRefused = Optional.empty();
    private Optional<String> failure = Optional.empty();

    RecordedScan() {
        chain = List.of(TestCertificates.leaf().issuedBy(INTERMEDIATE).certificate(), INTERMEDIATE.certificate());
        for (TlsVersion version : TlsVersion.values()) {
            versions.put(version, new VersionProbe(!version.legacy(), version.legacy() ? "protocol_version alert"
                    : "accepted"));
        }
    }

    static RecordedScan healthy() {
        return new RecordedScan();
    }

    RecordedScan host(String value) { host = value; return this; }
    RecordedScan chain(X509Certificate... certificates) { chain = List.of(certificates); return this; }
    RecordedScan path(PathValidation value) { path = value; return this; }
    RecordedScan dheBits(int bits) { dheBits = OptionalInt.of(bits); return this; }
    RecordedScan secureRenegotiation(Optional<Boolean> value) { secureRenegotiation = value; return this; }
    RecordedScan noStaple() { staple = Optional.empty(); return this; }
    RecordedScan tlsScts(int count) { tlsScts = count; return this; }
    RecordedScan revocation(RevocationStatus value) { revocation = value; return this; }
    RecordedScan modernOfferRefused(String alert) { modernOfferRefused = Optional.of(alert); return this; }
    RecordedScan failure(String value) { failure = Optional.of(value); chain = List.of(); return this; }

    RecordedScan version(TlsVersion version, boolean accepted) {
        versions.put(version, new VersionProbe(accepted, accepted ? "accepted" : "refused"));
        return this;
    }

    RecordedScan undetermined(TlsVersion version) {
        versions.remove(version);
        return this;
    }

    RecordedScan suite(TlsVersion version, String name) {
        suites.add(new AcceptedSuite(version, 0, name));
        return this;
    }

    /** Only these suites accepted on {@code version}, below TLS 1.3, and no choice recorded for it yet. */
    RecordedScan onlySuites(TlsVersion version, String... names) {
        suites.removeIf(s -> s.version() == version);
        choices.remove(version);
        for (String name : names) {
            suite(version, name);
        }
        return this;
    }

    /** What a current client's offer gets on {@code version}; the suite is accepted too. */
    RecordedScan choice(TlsVersion version, String name) {
        AcceptedSuite chosen = new AcceptedSuite(version, 0, name);
        choices.put(version, chosen);
        if (!suites.contains(chosen)) {
            suites.add(chosen);
        }
        return this;
    }

    TlsObservation build() {
        return new TlsObservation(host, 443, host + ":443", chain, path, versions, suites, choices, dheBits,
                secureRenegotiation, staple, tlsScts, revocation, modernOfferRefused, failure, List.of());
    }
}
