package dev.smokegate.check.headers;

import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.PreloadObservation;
import dev.smokegate.probe.http.RedirectChain;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hstspreload.org submission rules for one registrable domain, classified as that site classifies them: errors
 * block a submission (the check fails), warnings do not (the check warns).
 */
final class PreloadEligibility {

    static final long ONE_YEAR = 31_536_000L;
    private static final long TEN_YEARS = 10 * ONE_YEAR;
    /** hstspreload.org follows at most this many redirects from http:// or https://. */
    static final int MAX_REDIRECTS = 3;

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final String domain;

    private PreloadEligibility(String domain) {
        this.domain = domain;
    }

    static Verdict judge(PreloadObservation observed) {
        PreloadEligibility rules = new PreloadEligibility(observed.domain());
        if (!rules.registrable()) {
            return rules.verdict(Optional.empty());
        }
        HttpObservation root = observed.fromHttps().first();
        if (root.exchange().isEmpty()) {
            rules.errors.add("https://" + observed.domain() + "/ cannot be fetched over valid HTTPS: "
                    + root.failure().orElse("no response"));
            return rules.verdict(Optional.empty());
        }
        Optional<String> header = rules.preloadableResponse(root.exchange().get(), "", rules.errors,
                rules.warnings);
        rules.httpRedirects(observed.fromHttp(), header.isPresent());
        rules.redirectChain(observed.fromHttps(), "https://" + observed.domain() + "/");
        rules.www(observed.www());
        return rules.verdict(header);
    }

    private boolean registrable() {
        Optional<String> registrable = PublicSuffixes.registrableDomain(domain);
        if (registrable.isEmpty()) {
            errors.add(domain + " is a public suffix, not a domain that can be submitted");
            return false;
        }
        if (!registrable.get().equals(domain)) {
            errors.add(domain + " is a subdomain; the preload list accepts only registrable domains: submit "
                    + registrable.get() + " (set headers.preload-domain)");
            return false;
        }
        return true;
    }

    /**
     * One Strict-Transport-Security header satisfying the preload requirements; the header when it does. Problems go
     * to the given lists so the first-redirect rule can judge a second response without repeating findings.
     */
    private Optional<String> preloadableResponse(HttpExchange response, String where, List<String> errors,
                                                 List<String> warnings) {
        List<String> headers = response.headers("Strict-Transport-Security");
        if (headers.isEmpty()) {
            errors.add("no Strict-Transport-Security header on " + response.url() + where);
            return Optional.empty();
        }
        if (headers.size() > 1) {
            errors.add(headers.size() + " Strict-Transport-Security headers on " + response.url() + where + " ("
                    + String.join(" | ", headers) + ")");
            return Optional.empty();
        }
        String value = headers.get(0);
        HstsPolicy policy = HstsPolicy.parse(value);
        int before = errors.size();
        for (HstsPolicy.Problem problem : policy.problems()) {
            (problem.kind().preloadError() ? errors : warnings).add("\"" + value + "\": " + problem.text());
        }
        if (!policy.includeSubDomains()) {
            errors.add("\"" + value + "\" lacks includeSubDomains");
        }
        if (!policy.preload()) {
            errors.add("\"" + value + "\" lacks the preload directive");
        }
        policy.maxAge().ifPresent(age -> {
            if (age < ONE_YEAR) {
                errors.add("\"" + value + "\": max-age=" + age + " is below one year (" + ONE_YEAR + ")");
            } else if (age > TEN_YEARS) {
                warnings.add("\"" + value + "\": max-age=" + age + " is longer than ten years, unusually long");
            }
        });
        return errors.size() == before ? Optional.of(value) : Optional.empty();
    }

    private void httpRedirects(RedirectChain chain, boolean rootHeaderPreloadable) {
        String start = "http://" + domain + "/";
        HttpObservation first = chain.first();
        if (first.exchange().isEmpty()) {
            warnings.add(start + " does not answer (" + first.failure().orElse("no response") + "): users typing "
                    + "the bare name in a browser without the preload list get no redirect to HTTPS");
            return;
        }
        HttpExchange response = first.exchange().get();
        if (!response.headers("Strict-Transport-Security").isEmpty()) {
            warnings.add(start + " sends Strict-Transport-Security over plain HTTP, where browsers ignore it");
        }
        Optional<URI> target = response.location().filter(u -> response.isRedirect());
        if (target.isEmpty()) {
            errors.add(start + " does not redirect (HTTP " + response.status() + "); it must redirect to https://"
                    + domain + "/");
            return;
        }
        URI to = target.get();
        String host = Optional.ofNullable(to.getHost()).orElse("").toLowerCase(Locale.ROOT);
        boolean secure = "https".equalsIgnoreCase(to.getScheme());
        if (secure && host.equals(domain)) {
            if (rootHeaderPreloadable && chain.hops().size() > 1) {
                firstRedirectCarriesHsts(chain.hops().get(1), start, to);
            }
            redirectChain(chain, start);
        } else if (host.equals("www." + domain)) {
            errors.add(start + " redirects first to " + to + "; it must redirect to https://" + domain
                    + "/ before adding www, so browsers record HSTS for the whole domain");
        } else {
            errors.add(start + " redirects first to " + to + "; the first redirect must go to https://" + domain
                    + "/ on the same host");
        }
    }

    private void firstRedirectCarriesHsts(HttpObservation hop, String start, URI to) {
        if (hop.exchange().isEmpty()) {
            errors.add(start + " redirects to " + to + ", which does not answer: "
                    + hop.failure().orElse("no response"));
            return;
        }
        List<String> hopErrors = new ArrayList<>();
        preloadableResponse(hop.exchange().get(), " (the first redirect from " + start + ")", hopErrors,
                new ArrayList<>());
        if (!hopErrors.isEmpty()) {
            errors.add(start + " redirects to " + to + ", which serves no preloadable HSTS header: "
                    + hopErrors.get(0));
        }
    }

    /** No hop may leave HTTPS once reached, and the chain must end within {@link #MAX_REDIRECTS} redirects. */
    private void redirectChain(RedirectChain chain, String start) {
        List<HttpObservation> hops = chain.hops();
        int redirects = 0;
        for (int i = 0; i < hops.size(); i++) {
            Optional<HttpExchange> hop = hops.get(i).exchange();
            if (hop.isEmpty()) {
                if (i > 0) {
                    errors.add("following redirects from " + start + " failed at " + hops.get(i).url() + ": "
                            + hops.get(i).failure().orElse("no response"));
                }
                return;
            }
            Optional<URI> next = hop.get().location().filter(u -> hop.get().isRedirect());
            if (next.isEmpty()) {
                return;
            }
            redirects++;
            if (redirects > MAX_REDIRECTS) {
                errors.add("more than " + MAX_REDIRECTS + " redirects starting from " + start);
                return;
            }
            if (!"https".equalsIgnoreCase(next.get().getScheme())) {
                errors.add(start + " redirects to an insecure page on redirect #" + redirects + ": " + next.get());
                return;
            }
        }
    }

    private void www(HttpObservation www) {
        boolean exists = www.exchange().isPresent()
                || www.failureKind().map(kind -> kind.reachedServer()).orElse(true);
        if (exists && www.exchange().isEmpty()) {
            errors.add("www." + domain + " exists but does not serve valid HTTPS ("
                    + www.failure().orElse("no response") + "); preloading would break it for people who type www");
        }
    }

    private Verdict verdict(Optional<String> header) {
        if (!errors.isEmpty()) {
            List<String> all = new ArrayList<>(errors);
            warnings.forEach(w -> all.add("warning: " + w));
            return Verdict.fail(domain + " cannot be submitted to the HSTS preload list: " + String.join("; ", all));
        }
        if (!warnings.isEmpty()) {
            return Verdict.warn(domain + " meets the preload requirements, with warnings: "
                    + String.join("; ", warnings));
        }
        return Verdict.pass(domain + " meets the hstspreload.org requirements: Strict-Transport-Security: "
                + header.orElse("") + "; http:// redirects to https://" + domain + "/ first; every hop stays on "
                + "HTTPS");
    }
}
