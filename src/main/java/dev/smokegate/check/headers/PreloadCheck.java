package dev.smokegate.check.headers;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpProbes;
import dev.smokegate.probe.http.PreloadObservation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code headers.hsts.preload-ready}: whether the registrable domain could be submitted to hstspreload.org today.
 * Nightly: it guards a promise ("eventually preloaded") rather than a deploy, and a redirect change on the apex is
 * rare enough that a nightly warning is early enough.
 */
final class PreloadCheck implements Check<PreloadObservation> {

    private static final CheckSpec SPEC = CheckSpec.nightly("headers.hsts.preload-ready", Severity.MEDIUM,
            "The registrable domain meets the hstspreload.org submission rules: one HSTS header with max-age >= 1 "
                    + "year, includeSubDomains and preload; http:// redirects first to https:// on the same host; "
                    + "no plain-http hop; at most 3 redirects; www serves valid HTTPS if it exists.",
            "On the apex, redirect http://example.com to https://example.com first (Vercel does this for every "
                    + "domain of a project), send Strict-Transport-Security: max-age=63072000; includeSubDomains; "
                    + "preload on that response and on the redirect to the app, and make sure every subdomain, www "
                    + "included, serves HTTPS before submitting at https://hstspreload.org.");

    @Override
    public CheckSpec spec() {
        return SPEC;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return domain(config).map(d -> List.of(new Target("preload-domain", d))).orElse(List.of());
    }

    @Override
    public String notApplicable(EnvironmentConfig config) {
        return "the canonical host " + config.canonicalUrl().getHost() + " has no registrable domain; set "
                + "headers.preload-domain";
    }

    @Override
    public ProbeRequest<PreloadObservation> observation(Target target, EnvironmentConfig config) {
        return HttpProbes.preload(target.address());
    }

    @Override
    public Verdict judge(PreloadObservation observed, Target target, EnvironmentConfig config) {
        return PreloadEligibility.judge(observed).withEvidence(observed.evidence());
    }

    @Override
    public Set<String> uses() {
        return Set.of("http");
    }

    private static Optional<String> domain(EnvironmentConfig config) {
        if (config.headers().preloadDomain().isPresent()) {
            return config.headers().preloadDomain();
        }
        String host = config.canonicalUrl().getHost();
        boolean ipLiteral = host.startsWith("[") || host.matches("[0-9.]+");
        return ipLiteral ? Optional.empty() : PublicSuffixes.registrableDomain(host);
    }
}
