package dev.smokegate.check.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.tls.TlsObservation;
import dev.smokegate.probe.tls.TlsObservation.AcceptedSuite;
import dev.smokegate.probe.tls.TlsVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Judges of what the server negotiates: versions, suites, key exchange, renegotiation. */
final class ProtocolJudges {

    static final int MIN_DHE_BITS = 2048;

    private ProtocolJudges() {
    }

    private static boolean accepted(TlsObservation scan, TlsVersion version) {
        TlsObservation.VersionProbe probe = scan.versions().get(version);
        return probe != null && probe.accepted();
    }

    static Verdict legacyDisabled(TlsObservation scan, EnvironmentConfig config) {
        List<String> legacy = scan.versions().entrySet().stream()
                .filter(e -> e.getKey().legacy() && e.getValue().accepted())
                .map(e -> e.getKey().label()).sorted().toList();
        if (!legacy.isEmpty()) {
            return Verdict.fail("the server accepts " + String.join(", ", legacy)
                    + "; only TLSv1.2 and TLSv1.3 may be enabled");
        }
        List<String> unknown = undetermined(scan, List.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_0,
                TlsVersion.TLS_1_1));
        return unknown.isEmpty() ? Verdict.pass("SSLv3, TLSv1.0 and TLSv1.1 are refused")
                : Verdict.inconclusive("the scan could not tell whether " + String.join(", ", unknown)
                + " is accepted (it ran out of time or the handshake failed unexpectedly)");
    }

    /** Versions the scan did not get an answer about; absent from the map, never silently "refused". */
    private static List<String> undetermined(TlsObservation scan, List<TlsVersion> wanted) {
        return wanted.stream().filter(v -> !scan.versions().containsKey(v)).map(TlsVersion::label).toList();
    }

    static Verdict modern(TlsObservation scan, EnvironmentConfig config) {
        if (scan.modernOfferRefused().isPresent()) {
            return Verdict.fail("a current client's ClientHello (TLSv1.0–TLSv1.3 with the cipher suites of a current "
                    + "browser) is refused: " + scan.modernOfferRefused().get() + "; the server accepts only suites "
                    + "a current client does not offer: " + suites(scan.acceptedSuites().stream()
                    .filter(s -> s.version() != TlsVersion.TLS_1_3).toList())
                    + ", so a current browser cannot connect");
        }
        boolean tls12 = accepted(scan, TlsVersion.TLS_1_2);
        boolean tls13 = accepted(scan, TlsVersion.TLS_1_3);
        if (!tls12 && !tls13) {
            List<String> unknown = undetermined(scan, List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3));
            return unknown.isEmpty() ? Verdict.fail("the server accepts neither TLSv1.2 nor TLSv1.3")
                    : Verdict.inconclusive("the scan could not tell whether " + String.join(", ", unknown)
                    + " is accepted");
        }
        if (!tls13) {
            return scan.versions().containsKey(TlsVersion.TLS_1_3)
                    ? Verdict.warn("TLSv1.2 is accepted but TLSv1.3 is not; enable TLSv1.3")
                    : Verdict.warn("TLSv1.2 is accepted; the scan could not tell whether TLSv1.3 is");
        }
        return Verdict.pass(tls12 ? "TLSv1.2 and TLSv1.3 accepted" : "TLSv1.3 accepted");
    }

    /** Why a suite is weak, or empty when it is not. Order matters: 3DES before single DES. */
    static Optional<String> weakness(String suite) {
        if (suite.contains("_WITH_NULL_") || suite.equals("TLS_NULL_WITH_NULL_NULL")) {
            return Optional.of("NULL (no encryption)");
        }
        if (suite.contains("_anon_")) {
            return Optional.of("anonymous (no authentication)");
        }
        if (suite.contains("EXPORT")) {
            return Optional.of("EXPORT");
        }
        if (suite.contains("RC4")) {
            return Optional.of("RC4");
        }
        if (suite.contains("3DES") || suite.contains("DES_EDE")) {
            return Optional.of("3DES (Sweet32)");
        }
        if (suite.contains("_IDEA_")) {
            return Optional.of("IDEA (64-bit block: Sweet32)");
        }
        if (suite.contains("_DES_") || suite.contains("DES40") || suite.contains("DES_CBC")) {
            return Optional.of("DES");
        }
        return Optional.empty();
    }

    static Verdict weakCiphersDisabled(TlsObservation scan, EnvironmentConfig config) {
        List<String> weak = scan.acceptedSuites().stream()
                .flatMap(s -> weakness(s.name()).map(w -> s.name() + " on " + s.version().label() + " [" + w + "]")
                        .stream())
                .distinct().toList();
        return weak.isEmpty() ? Verdict.pass("no NULL, anonymous, EXPORT, DES, RC4, 3DES or IDEA suite is accepted")
                : Verdict.fail("the server accepts weak suites: " + String.join(", ", weak));
    }

    /** TLS 1.3 suites are always forward secret; below it the key exchange must be ephemeral. */
    static boolean forwardSecret(String suite) {
        return !suite.contains("_WITH_") || suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
    }

    /**
     * Mozilla's intermediate configuration: forward secrecy for every client it supports. A gate fails what a
     * current client gets: the suite the server chooses for a current client's offer on each version up to TLS 1.2,
     * a version on which no forward-secret suite is accepted at all, and DHE groups below 2048 bits. Static key
     * exchange merely accepted next to ECDHE (nginx's default {@code HIGH:!aNULL:!MD5}, many load balancers) reaches
     * only clients that offer nothing better: it warns, as SSL Labs sets it apart ("with modern browsers").
     */
    static Verdict forwardSecrecy(TlsObservation scan, EnvironmentConfig config) {
        List<String> failures = new ArrayList<>();
        for (TlsVersion version : acceptedUpToTls12(scan)) {
            List<AcceptedSuite> here = scan.acceptedSuites().stream().filter(s -> s.version() == version).toList();
            boolean anyForwardSecret = here.stream().anyMatch(s -> forwardSecret(s.name()));
            Optional<AcceptedSuite> choice = Optional.ofNullable(scan.serverChoices().get(version));
            if (!anyForwardSecret && !here.isEmpty()) {
                failures.add(version.label() + " accepts no forward-secret suite, a client gets "
                        + choice.map(AcceptedSuite::name).orElse(suites(here)));
            } else if (choice.isPresent() && !forwardSecret(choice.get().name())) {
                failures.add("a current client gets " + choice.get().name() + " on " + version.label()
                        + " (no forward secrecy): the server prefers it to the ECDHE/DHE suites it also accepts");
            }
        }
        OptionalInt dhe = scan.dheGroupBits();
        if (dhe.isPresent() && dhe.getAsInt() < MIN_DHE_BITS) {
            failures.add("DHE uses a " + dhe.getAsInt() + "-bit group (need >= " + MIN_DHE_BITS + ")");
        }
        if (!failures.isEmpty()) {
            return Verdict.fail(String.join("; ", failures));
        }
        List<AcceptedSuite> staticKeys = scan.acceptedSuites().stream()
                .filter(s -> s.version() != TlsVersion.TLS_1_3 && !forwardSecret(s.name())).toList();
        String group = dhe.isPresent() ? " (DHE group " + dhe.getAsInt() + " bits)" : "";
        if (!staticKeys.isEmpty()) {
            return Verdict.warn("a current client gets forward secrecy" + group + ", but suites without it are also "
                    + "accepted: " + suites(staticKeys) + "; a client that offers nothing better gets no forward "
                    + "secrecy (Mozilla's intermediate configuration leaves them out)");
        }
        return acceptedUpToTls12(scan).isEmpty() ? Verdict.pass("TLSv1.3 only: every suite is forward secret")
                : Verdict.pass("every accepted suite uses ECDHE or DHE" + group);
    }

    private static List<TlsVersion> acceptedUpToTls12(TlsObservation scan) {
        return Arrays.stream(TlsVersion.values())
                .filter(v -> v != TlsVersion.TLS_1_3 && accepted(scan, v)).toList();
    }

    /** {@code NAME on VERSION, ...}, each pair once. */
    private static String suites(List<AcceptedSuite> suites) {
        return suites.stream().map(s -> s.name() + " on " + s.version().label()).distinct()
                .collect(Collectors.joining(", "));
    }

    static Verdict secureRenegotiation(TlsObservation scan, EnvironmentConfig config) {
        return scan.secureRenegotiation()
                .map(secure -> secure ? Verdict.pass("the server supports secure renegotiation (RFC 5746)")
                        : Verdict.fail("the server does not signal secure renegotiation (RFC 5746) on TLSv1.2 and "
                        + "below, leaving clients open to renegotiation injection"))
                .orElseGet(() -> Verdict.pass("TLSv1.3 only: renegotiation does not exist"));
    }
}
