package dev.smokegate.check.headers;

import dev.smokegate.check.headers.ScriptExposure.Finding;
import dev.smokegate.check.headers.ScriptExposure.Vector;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Judges of the Content-Security-Policy: present and enforced, script sources safe, objects and base locked. */
final class CspJudges {

    private CspJudges() {
    }

    /** Every enforced policy: each header may carry several, separated by commas (CSP3 §3.1). */
    private static List<CspPolicy> enforced(HttpExchange response) {
        return response.headers("Content-Security-Policy").stream().flatMap(h -> CspPolicy.parseAll(h).stream())
                .toList();
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
        List<ScriptExposure> exposures = policies.stream().map(p -> ScriptExposure.of(p, response.url())).toList();
        // A script runs only if every enforced policy lets it through, so a weakness counts only when all share it.
        Predicate<Vector> exposed = vector -> exposures.stream().allMatch(e -> e.permits(vector));
        Optional<String> failures = report(exposures, exposed, true);
        if (failures.isPresent()) {
            return Verdict.fail(failures.get());
        }
        List<String> warnings = new ArrayList<>();
        report(exposures, exposed, false).ifPresent(warnings::add);
        if (exposures.stream().allMatch(ScriptExposure::evalAllowed)) {
            boolean listed = policies.stream().anyMatch(p -> p.evalSources().isPresent());
            warnings.add(listed ? "script sources allow 'unsafe-eval' (eval() and new Function())"
                    : "neither script-src nor default-src is set, so eval() and new Function() run");
        }
        return warnings.isEmpty() ? Verdict.pass("script sources are restricted")
                : Verdict.warn(String.join("; ", warnings));
    }

    /**
     * The page's failing (or warning) weaknesses. With several policies the message quotes the one that decides:
     * the policy naming most of them, the one with fewest weaknesses of its own on a tie; one that only another
     * policy names follows, quoting that policy.
     */
    private static Optional<String> report(List<ScriptExposure> exposures, Predicate<Vector> exposed, boolean fails) {
        record Judged(ScriptExposure exposure, List<Finding> shared, int own) {
        }
        List<Judged> judged = exposures.stream()
                .map(e -> new Judged(e, ofSeverity(e.findings(exposed), fails),
                        ofSeverity(e.findings(vector -> true), fails).size()))
                .filter(j -> !j.shared().isEmpty())
                .sorted(Comparator.comparingInt((Judged j) -> -j.shared().size()).thenComparingInt(Judged::own))
                .toList();
        Set<Vector> reported = new HashSet<>();
        List<String> parts = new ArrayList<>();
        for (Judged j : judged) {
            boolean deciding = parts.isEmpty();
            String texts = j.shared().stream().filter(f -> deciding || !reported.contains(f.vector()))
                    .map(Finding::text).distinct().collect(Collectors.joining("; "));
            j.shared().forEach(f -> reported.add(f.vector()));
            if (!texts.isEmpty()) {
                parts.add(exposures.size() == 1 ? texts : "\"" + j.exposure().policy().text() + "\""
                        + (deciding ? " decides: " : " adds: ") + texts);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of((exposures.size() == 1 ? ""
                : "of " + exposures.size() + " enforced policies, ") + String.join("; ", parts));
    }

    private static List<Finding> ofSeverity(List<Finding> findings, boolean fails) {
        return findings.stream().filter(f -> f.fails() == fails).toList();
    }

    static Verdict objectBase(HttpExchange response, EnvironmentConfig config) {
        List<CspPolicy> policies = enforced(response);
        if (policies.isEmpty()) {
            return Verdict.fail(absent(response) + ": object-src and base-uri are unrestricted");
        }
        boolean objectsLocked = policies.stream().anyMatch(p -> p.effective("object-src")
                .map(e -> e.sources().size() == 1 && e.has("'none'")).orElse(false));
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

    /**
     * Directives that cover what a frontend loads from an asset origin; one of them allowing it is enough. Script
     * and stylesheet elements are governed by the -elem directives, which fall back to script-src and style-src.
     */
    private static final List<String> ASSET_DIRECTIVES = List.of("script-src-elem", "style-src-elem", "img-src",
            "font-src");

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
                    CspSourceMatch match = effective.map(e -> CspSourceMatch.of(e.sources(), url, page))
                            .orElse(CspSourceMatch.ALLOWED);
                    if (match.ordinal() <= best.ordinal()) {
                        best = match;
                        governing = effective.map(e -> e.directive() + " " + String.join(" ", e.sources()))
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
