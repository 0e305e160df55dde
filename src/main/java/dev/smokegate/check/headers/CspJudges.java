package dev.smokegate.check.headers;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.net.URI;
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

    /** Directives that cover what a frontend loads from an asset origin; one of them allowing it is enough. */
    private static final List<String> ASSET_DIRECTIVES = List.of("script-src", "style-src", "img-src", "font-src");

    /**
     * The origins the app needs must get through its own policy: a CSP that blocks the API is an outage no health
     * check sees, since the server side is fine and only browsers refuse.
     */
    static Verdict appOrigins(HttpExchange response, EnvironmentConfig config) {
        List<CspPolicy> policies = enforced(response);
        if (policies.isEmpty()) {
            return Verdict.pass("no enforced policy blocks anything (headers.csp.present judges its absence)");
        }
        URI page = response.url();
        List<String> blocked = new ArrayList<>();
        List<String> safariBlocked = new ArrayList<>();
        java.util.Map<URI, List<String>> needs = new java.util.LinkedHashMap<>();
        needs.put(config.backend().url(), List.of("connect-src"));
        config.websocket().url().ifPresent(ws -> needs.put(ws, List.of("connect-src")));
        config.headers().assetOrigins().forEach(asset -> needs.put(asset, ASSET_DIRECTIVES));
        needs.forEach((url, directives) -> {
            CspSourceMatch worst = CspSourceMatch.ALLOWED;
            String governing = "";
            for (CspPolicy policy : policies) {
                CspSourceMatch best = CspSourceMatch.BLOCKED;
                for (String directive : directives) {
                    var effective = policy.effective(directive);
                    CspSourceMatch match = effective.map(e -> CspSourceMatch.of(e.getValue(), url, page))
                            .orElse(CspSourceMatch.ALLOWED);
                    if (match.ordinal() <= best.ordinal()) {
                        best = match;
                        governing = effective.map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
                                .orElse(directive + " (unrestricted)");
                    }
                }
                if (best.ordinal() > worst.ordinal()) {
                    worst = best;
                }
            }
            if (worst == CspSourceMatch.BLOCKED) {
                blocked.add("\"" + governing.trim() + "\" blocks " + url + "; add " + originOf(url));
            } else if (worst == CspSourceMatch.ALLOWED_BY_CSP3_ONLY) {
                safariBlocked.add("\"" + governing.trim() + "\" allows " + url + " only by CSP3's rules, which Safari "
                        + "does not apply; list " + originOf(url) + " explicitly");
            }
        });
        if (!blocked.isEmpty()) {
            return Verdict.fail("the app's own policy blocks origins it needs, so browsers refuse those requests: "
                    + String.join("; ", blocked));
        }
        if (!safariBlocked.isEmpty()) {
            return Verdict.warn(String.join("; ", safariBlocked));
        }
        return Verdict.pass("the policy allows " + String.join(", ", needs.keySet().stream().map(URI::toString)
                .toList()));
    }

    private static String originOf(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT)
                + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
