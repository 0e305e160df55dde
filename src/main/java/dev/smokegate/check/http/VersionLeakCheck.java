package dev.smokegate.check.http;

import dev.smokegate.check.Check;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpProbes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Response headers do not name software versions, which point attackers at known CVEs. A product name alone
 * ({@code Server: Vercel}) is fine; {@code X-Powered-By} without a version is a warning, since it still names the
 * framework and is trivial to turn off.
 */
public final class VersionLeakCheck implements Check<HttpObservation> {

    private static final List<String> BANNERS =
            List.of("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-Generator");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+|/\\s*\\d+|\\bv\\d+");

    private final CheckSpec spec;

    VersionLeakCheck(CheckSpec spec) {
        this.spec = spec;
    }

    @Override
    public CheckSpec spec() {
        return spec;
    }

    @Override
    public List<Target> targets(EnvironmentConfig config) {
        return List.of(new Target("frontend", config.frontend().resolve("/").toString()),
                new Target("backend", config.backend().resolve("/").toString()));
    }

    @Override
    public ProbeRequest<HttpObservation> observation(Target target, EnvironmentConfig config) {
        return HttpProbes.get(URI.create(target.address()));
    }

    @Override
    public Set<String> uses() {
        return Set.of("http");
    }

    @Override
    public Verdict judge(HttpObservation observed, Target target, EnvironmentConfig config) {
        if (observed.exchange().isEmpty()) {
            return Verdict.inconclusive("no response whose headers could be inspected: "
                    + observed.failure().orElse("no response")).withEvidence(observed.evidence());
        }
        HttpExchange exchange = observed.exchange().get();
        List<String> versioned = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (String banner : BANNERS) {
            for (String value : exchange.headers(banner)) {
                if (VERSION.matcher(value).find()) {
                    versioned.add(banner + ": " + value);
                } else if (!banner.equals("Server")) {
                    named.add(banner + ": " + value);
                }
            }
        }
        Verdict verdict;
        if (!versioned.isEmpty()) {
            verdict = Verdict.fail("headers reveal software versions: " + String.join("; ", versioned));
        } else if (!named.isEmpty()) {
            verdict = Verdict.warn("headers name the framework: " + String.join("; ", named));
        } else {
            verdict = Verdict.pass("no software version in the response headers");
        }
        return verdict.withEvidence(observed.evidence());
    }
}
