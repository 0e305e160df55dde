package dev.smokegate.check.tls;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.tls.TlsObservation;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Judges of the chain as the server sent it. */
final class ChainJudges {

    private ChainJudges() {
    }

    static Verdict trusted(TlsObservation scan, EnvironmentConfig config) {
        TlsObservation.PathValidation path = scan.path();
        if (path.trusted()) {
            return Verdict.pass("chain builds to " + path.anchor().orElse("a trusted root")
                    + (path.systemAnchor() ? " (system root)" : " (configured extra CA)"));
        }
        List<X509Certificate> chain = scan.chain();
        X509Certificate leaf = chain.get(0);
        String trust = config.trust().extraCaFile().map(f -> "the system roots or the extra CA " + f.getFileName())
                .orElse("the system roots");
        if (chain.size() == 1 && Certificates.selfIssued(leaf)) {
            return Verdict.fail("the server sends a self-signed certificate (" + Certificates.subject(leaf)
                    + "), which no client trusts");
        }
        X509Certificate top = topOfChain(chain);
        if (Certificates.selfIssued(top)) {
            return Verdict.fail("the chain ends at root " + Certificates.subject(top) + ", which is not among "
                    + trust + path.problem().map(p -> " (" + p + ")").orElse(""));
        }
        if (path.complete()) {
            return Verdict.fail("the chain ends at " + Certificates.subject(top) + ", issued by "
                    + Certificates.issuer(top) + ", which is not among " + trust);
        }
        return Verdict.fail("the issuer " + Certificates.issuer(top) + " of " + Certificates.subject(top)
                + " was not sent and is not among " + trust + " (a missing intermediate)");
    }

    static Verdict complete(TlsObservation scan, EnvironmentConfig config) {
        if (scan.path().complete()) {
            return Verdict.pass("the server sends every intermediate (" + (scan.chain().size() - 1) + " after the leaf)");
        }
        X509Certificate top = topOfChain(scan.chain());
        return Verdict.fail("the server does not send the intermediate certificate " + Certificates.issuer(top)
                + " that issued " + Certificates.subject(top) + "; clients that do not fetch intermediates "
                + "(curl, Node, Android, Firefox without a cache) will reject the chain");
    }

    static Verdict order(TlsObservation scan, EnvironmentConfig config) {
        List<X509Certificate> chain = scan.chain();
        List<String> findings = new ArrayList<>();
        for (int i = 1; i < chain.size(); i++) {
            if (Certificates.selfIssued(chain.get(i))) {
                findings.add("certificate #" + i + " is the root " + Certificates.subject(chain.get(i))
                        + " (a root must not be sent)");
            }
            if (!Certificates.issued(chain.get(i), chain.get(i - 1))) {
                findings.add("certificate #" + i + " (" + Certificates.subject(chain.get(i)) + ") did not issue #"
                        + (i - 1) + " (" + Certificates.subject(chain.get(i - 1)) + ")");
            }
        }
        return findings.isEmpty() ? Verdict.pass("leaf first, each certificate followed by its issuer, no root")
                : Verdict.fail(String.join("; ", findings));
    }

    /** The last certificate reached from the leaf by following issuers within the chain as sent. */
    static X509Certificate topOfChain(List<X509Certificate> chain) {
        X509Certificate current = chain.get(0);
        for (int step = 0; step < chain.size() && !Certificates.selfIssued(current); step++) {
            X509Certificate child = current;
            X509Certificate next = chain.stream().filter(c -> c != child && Certificates.issued(c, child))
                    .findFirst().orElse(null);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }
}
