package dev.smokegate.check.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.tls.TlsObservation;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges of the certificates themselves: name, dates, keys, signatures. */
final class CertificateJudges {

    private final Clock clock;

    CertificateJudges(Clock clock) {
        this.clock = clock;
    }

    static Verdict hostname(TlsObservation scan, EnvironmentConfig config) {
        X509Certificate leaf = scan.chain().get(0);
        String host = scan.host().toLowerCase(Locale.ROOT);
        List<String> names = Certificates.dnsNames(leaf);
        boolean matches = names.stream().anyMatch(n -> matches(n, host))
                || Certificates.ipAddresses(leaf).contains(Certificates.sanForm(host));
        if (matches) {
            return Verdict.pass("the certificate's SAN covers " + host);
        }
        return Verdict.fail("the certificate is for " + (names.isEmpty() ? "no DNS name (no SAN)" : names)
                + ", not " + host + " (the subject CN does not count)");
    }

    /** RFC 6125: a wildcard stands for exactly one whole left-most label, never the apex. */
    static boolean matches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
    }

    Verdict validity(TlsObservation scan, EnvironmentConfig config) {
        X509Certificate leaf = scan.chain().get(0);
        Instant now = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return Verdict.fail("the certificate expired on " + day(notAfter) + " ("
                    + Duration.between(notAfter, now).toDays() + " days ago)");
        }
        if (now.isBefore(notBefore)) {
            return Verdict.fail("the certificate is not valid before " + notBefore + " (clock skew on the issuing "
                    + "side, or a certificate deployed too early)");
        }
        return Verdict.pass("valid from " + day(notBefore) + " to " + day(notAfter));
    }

    Verdict expiryHorizon(TlsObservation scan, EnvironmentConfig config) {
        Instant notAfter = scan.chain().get(0).getNotAfter().toInstant();
        long daysLeft = Duration.between(clock.instant(), notAfter).toDays();
        int failDays = config.thresholds().certExpiryFailDays();
        int warnDays = config.thresholds().certExpiryWarnDays();
        String when = "the certificate expires on " + day(notAfter) + ", "
                + (daysLeft < 0 ? "already past" : daysLeft + " days left");
        if (daysLeft < failDays) {
            return Verdict.fail(when + " (fail below " + failDays + " days): renewal is not happening");
        }
        if (daysLeft < warnDays) {
            return Verdict.warn(when + " (warn below " + warnDays + " days)");
        }
        return Verdict.pass(when);
    }

    static Verdict keyStrength(TlsObservation scan, EnvironmentConfig config) {
        List<String> weak = new ArrayList<>();
        List<X509Certificate> chain = scan.chain();
        for (int i = 0; i < chain.size(); i++) {
            Certificates.KeyStrength key = Certificates.keyStrength(chain.get(i));
            boolean strong = switch (key.algorithm()) {
                case "RSA" -> key.bits() >= 2048;
                case "EC" -> key.bits() >= 256;
                case "DSA" -> false;
                default -> true;
            };
            if (!strong) {
                weak.add((i == 0 ? "the leaf" : "certificate #" + i + " (" + Certificates.subject(chain.get(i))
                        + ")") + " has a " + key + "-bit key");
            }
        }
        return weak.isEmpty()
                ? Verdict.pass("leaf key " + Certificates.keyStrength(chain.get(0)) + " bits; RSA >= 2048, EC >= 256")
                : Verdict.fail(String.join("; ", weak) + "; need RSA >= 2048 or EC >= 256 bits");
    }

    static Verdict signature(TlsObservation scan, EnvironmentConfig config) {
        List<String> weak = new ArrayList<>();
        List<X509Certificate> chain = scan.chain();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            // A root's self-signature is never checked by clients; only signatures below the root matter.
            if (!Certificates.selfIssued(cert) && Certificates.weakSignature(cert)) {
                weak.add((i == 0 ? "the leaf" : "the intermediate " + Certificates.subject(cert))
                        + " is signed with " + cert.getSigAlgName());
            }
        }
        return weak.isEmpty() ? Verdict.pass("no SHA-1 or MD5 signature below the root")
                : Verdict.fail(String.join("; ", weak) + "; browsers reject SHA-1 signatures");
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
