package dev.smokegate.probe.secrets;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Origins;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The probes of the {@code secrets.*} checks: what the public origins hand to anyone who asks. */
public final class SecretsProbes {

    /** Files a deployment leaks by serving its working directory: environment, repository, registry, platform. */
    public static final List<String> DOTFILES = List.of("/.env", "/.env.production", "/.env.local", "/.git/config",
            "/.git/HEAD", "/.npmrc", "/.vercel/project.json", "/.DS_Store");

    private static final Pattern SCRIPT_SRC = Pattern.compile(
            "<script\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRELOADED_SCRIPT = Pattern.compile(
            "<link\\b(?=[^>]*\\bas\\s*=\\s*[\"']?script)[^>]*?\\bhref\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_MAPPING_URL = Pattern.compile("//[#@]\\s*sourceMappingURL=(\\S+)");

    private SecretsProbes() {
    }

    public static ProbeRequest<PublicAssets> publicAssets(EnvironmentConfig config) {
        return new ProbeRequest<>("secrets public-assets " + config.frontend().url() + " " + config.backend().url(),
                context -> publicAssets(context));
    }

    public static ProbeRequest<DotfileObservation> dotfiles(EnvironmentConfig config) {
        return new ProbeRequest<>("secrets dotfiles " + config.frontend().url() + " " + config.backend().url(),
                context -> {
                    List<DotfileObservation.Answer> answers = new ArrayList<>();
                    for (URI origin : List.of(config.frontend().url(), config.backend().url())) {
                        for (String path : DOTFILES) {
                            answers.add(new DotfileObservation.Answer(path,
                                    HttpFetcher.get(origin.resolve(path), context)));
                        }
                    }
                    return new DotfileObservation(answers);
                });
    }

    private static PublicAssets publicAssets(ProbeContext context) {
        EnvironmentConfig config = context.config();
        Budget budget = new Budget(config.secrets().maxAssets(), config.secrets().maxBytes(), context.runDeadline());
        URI pageUrl = config.frontend().url();
        HttpObservation page = budget.fetch(pageUrl, context);
        List<HttpObservation> scripts = new ArrayList<>();
        Map<String, HttpObservation> maps = new LinkedHashMap<>();
        List<String> inline = new ArrayList<>();
        for (URI script : page.exchange().map(e -> scriptsOf(e.body(), pageUrl)).orElse(List.of())) {
            if (!budget.allows(script)) {
                break;
            }
            HttpObservation fetched = budget.fetch(script, context);
            scripts.add(fetched);
            Optional<String> map = fetched.exchange().flatMap(SecretsProbes::sourceMapOf);
            if (map.isPresent() && map.get().startsWith("data:")) {
                inline.add(script.toString());
            } else if (map.isPresent() && budget.allows(script.resolve(map.get()))) {
                HttpObservation mapAnswer = budget.fetch(script.resolve(map.get()), context);
                maps.put(script.toString(), mapAnswer);
            }
        }
        HttpObservation health = HttpFetcher.get(config.backend().url().resolve(config.backend().healthPath()),
                context);
        return new PublicAssets(page, scripts, health, maps, inline, budget.reached());
    }

    /** Same-origin scripts the page loads or preloads, in page order, each once. */
    static List<URI> scriptsOf(String html, URI page) {
        Set<URI> scripts = new LinkedHashSet<>();
        for (Pattern pattern : List.of(SCRIPT_SRC, PRELOADED_SCRIPT)) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                try {
                    URI url = page.resolve(m.group(1).trim().replace("&amp;", "&"));
                    if (Origins.same(url, page)) {
                        scripts.add(url);
                    }
                } catch (IllegalArgumentException e) {
                    // Not a URL a browser could load either; nothing to fetch.
                }
            }
        }
        return List.copyOf(scripts);
    }

    /** The source map a script names: its SourceMap (or older X-SourceMap) header, else its last comment. */
    static Optional<String> sourceMapOf(HttpExchange script) {
        Optional<String> header = script.header("SourceMap").or(() -> script.header("X-SourceMap"));
        if (header.isPresent()) {
            return header.map(String::trim);
        }
        Matcher m = SOURCE_MAPPING_URL.matcher(script.body());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** The download's limits: how many fetches, how many bytes, and the run's deadline. */
    private static final class Budget {
        private final int maxAssets;
        private final long maxBytes;
        private final Instant deadline;
        private int assets;
        private long bytes;
        private final List<String> reached = new ArrayList<>();

        Budget(int maxAssets, long maxBytes, Instant deadline) {
            this.maxAssets = maxAssets;
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        boolean allows(URI next) {
            String stop = assets >= maxAssets ? "secrets.max-assets (" + maxAssets + " fetches)"
                    : bytes >= maxBytes ? "secrets.max-bytes (" + maxBytes + " bytes)"
                    : Instant.now().isAfter(deadline) ? "the run's deadline" : null;
            if (stop != null && reached.isEmpty()) {
                reached.add("stopped at " + stop + " before " + next);
            }
            return stop == null;
        }

        /** Fetches {@code url} whole, up to what is left of secrets.max-bytes, and counts what it cost. */
        HttpObservation fetch(URI url, ProbeContext context) {
            int left = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, maxBytes - bytes));
            HttpObservation fetched = HttpFetcher.fetch(HttpRequest.get(url).withBodyLimit(left), context);
            spend(fetched);
            return fetched;
        }

        private void spend(HttpObservation fetched) {
            assets++;
            fetched.exchange().ifPresent(e -> {
                bytes += e.body().length();
                if (e.bodyTruncated()) {
                    reached.add("stopped at secrets.max-bytes (" + maxBytes + " bytes) inside " + e.url());
                }
            });
        }

        List<String> reached() {
            return reached;
        }
    }
}
