package dev.smokegate.check.headers;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Judges of the Content-Security-Policy: present and enforced, script sources safe, objects and base locked. */
final class CspJudges {

    private static final List<String> UNSAFE_SCHEMES = List.of("*", "http:", "https:", "data:");

    private CspJudges() {
    }

    private static List<CspPolicy> enforced(HttpExchange response) {
        return response.headers("Content-Security-Policy").stream().map(CspPolicy::parse).toList();
    }

    private static String absent(HttpExchange response) {
        boolean reportOnly = !response.headers("Content-Security-Policy-Report-Only").isEmpty();
        boolean meta = response.body().toLowerCase(Locale.ROOT).contains("http-equiv=\"content-security-policy\"");
        return "no enforced Content-Security-Policy header"
                + (reportOnly ? " (only Content-Security-Policy-Report-Only, which blocks nothing)" : "")
                + (meta ? " (a <meta> policy exists; send the policy as a header)" : "");
    }

    static Verdict present(HttpExchange response, EnvironmentConfig config) {
        List<String> headers = response.headers("Content-Security-Policy");
        return headers.isEmpty() ? Verdict.fail(absent(response))
                : Verdict.pass("Content-Security-Policy: " + String.join(" | ", headers));
    }

    static Verdict scriptSafe(HttpExchange response, EnvironmentConfig config) {
        List<CspPolicy> policies = enforced(response);
        if (policies.isEmpty()) {
            return Verdict.fail(absent(response) + ": scripts may load from anywhere");
        }
        // Every enforced policy applies; the page is as safe as its strictest one.
        List<String> best = null;
        boolean evalAllowed = true;
        for (CspPolicy policy : policies) {
            List<String> findings = scriptFindings(policy);
            if (best == null || findings.size() < best.size()) {
                best = findings;
            }
            evalAllowed &= policy.effective("script-src").map(e -> CspPolicy.has(e.getValue(), "'unsafe-eval'"))
                    .orElse(true);
        }
        if (!best.isEmpty()) {
            return Verdict.fail(String.join("; ", best));
        }
        return evalAllowed ? Verdict.warn("script sources allow 'unsafe-eval' (eval() and new Function())")
                : Verdict.pass("script sources are restricted");
    }

    private static List<String> scriptFindings(CspPolicy policy) {
        List<String> findings = new ArrayList<>();
        Map.Entry<String, List<String>> effective = policy.effective("script-src").orElse(null);
        if (effective == null) {
            findings.add("neither script-src nor default-src is set: scripts may load from anywhere");
            return findings;
        }
        String directive = effective.getKey();
        List<String> sources = effective.getValue();
        boolean nonceOrHash = sources.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.startsWith("'nonce-") || s.startsWith("'sha256-") || s.startsWith("'sha384-")
                        || s.startsWith("'sha512-"));
        // With a nonce or hash and 'strict-dynamic', CSP3 browsers ignore 'unsafe-inline' and host/scheme sources:
        // they are only the fallback for old browsers (Google's "strict CSP").
        boolean strict = nonceOrHash && CspPolicy.has(sources, "'strict-dynamic'");
        if (strict) {
            return findings;
        }
        if (CspPolicy.has(sources, "'unsafe-inline'")) {
            findings.add(directive + " allows 'unsafe-inline' without nonces or hashes and 'strict-dynamic'");
        }
        for (String source : sources) {
            String lower = source.toLowerCase(Locale.ROOT);
            if (UNSAFE_SCHEMES.contains(lower)) {
                findings.add(directive + " allows " + source + " (scripts from any host" + (lower.equals("data:")
                        ? " or inline data URLs" : "") + ")");
            } else if (lower.startsWith("http://")) {
                findings.add(directive + " allows plain-http source " + source);
            }
        }
        return findings;
    }

    static Verdict objectBase(HttpExchange response, EnvironmentConfig config) {
        List<CspPolicy> policies = enforced(response);
        if (policies.isEmpty()) {
            return Verdict.fail(absent(response) + ": object-src and base-uri are unrestricted");
        }
        boolean objectsLocked = policies.stream().anyMatch(p -> p.effective("object-src")
                .map(e -> e.getValue().size() == 1 && CspPolicy.has(e.getValue(), "'none'")).orElse(false));
        // base-uri does not fall back to default-src.
        boolean baseLocked = policies.stream().anyMatch(p -> p.directive("base-uri")
                .map(s -> !s.isEmpty() && s.stream().allMatch(v -> v.equalsIgnoreCase("'none'")
                        || v.equalsIgnoreCase("'self'"))).orElse(false));
        List<String> findings = new ArrayList<>();
        if (!objectsLocked) {
            findings.add("object-src is not 'none' (neither object-src 'none' nor default-src 'none')");
        }
        if (!baseLocked) {
            findings.add("base-uri is not restricted to 'none' or 'self'");
        }
        return findings.isEmpty() ? Verdict.pass("object-src 'none' and base-uri restricted")
                : Verdict.fail(String.join("; ", findings));
    }
}
