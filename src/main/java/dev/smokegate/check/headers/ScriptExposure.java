package dev.smokegate.check.headers;

import dev.smokegate.check.headers.AllowlistBypasses.Endpoint;
import dev.smokegate.check.headers.CspPolicy.SourceList;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What script an attacker who can inject markup gets past one enforced policy, judged as a CSP Level 3 browser
 * enforces it: {@code <script>} elements, inline or not, by {@code script-src-elem}, event-handler attributes by
 * {@code script-src-attr}, each falling back to {@code script-src}, then {@code default-src} (§6.8.2, §6.8.3);
 * eval() by {@code script-src}, then {@code default-src} (EnsureCSPDoesNotBlockStringCompilation).
 */
final class ScriptExposure {

    /** What an attacker uses; a page is exposed to it only when every enforced policy lets it through. */
    sealed interface Vector permits Inline, ScriptUrl {
    }

    enum Inline implements Vector {
        /** An injected {@code <script>} block. */
        SCRIPT,
        /** An injected {@code onclick=…} and the like. */
        HANDLER,
        /** An injected {@code <script nonce=…>} carrying a guessed nonce. */
        GUESSED_NONCE
    }

    /** An injected {@code <script src=url>}; some JSONP endpoints run an attacker's code only where eval runs. */
    record ScriptUrl(URI url, boolean needsEval) implements Vector {
    }

    /** One weakness, failing or warning, and the vector that exploits it. */
    record Finding(boolean fails, String text, Vector vector) {
    }

    /** CSP3 §7.1: a nonce SHOULD carry at least 128 bits; 21 base64 characters hold 126. */
    static final int MIN_NONCE_CHARACTERS = 22;

    /** A host no allow-list names; a script from any host is modelled as a script from here. */
    private static final String ATTACKER = "attacker.invalid";

    private final CspPolicy policy;
    private final URI page;
    private final Optional<SourceList> elements;
    private final Optional<SourceList> handlers;
    private final boolean evalAllowed;

    private ScriptExposure(CspPolicy policy, URI page) {
        this.policy = policy;
        this.page = page;
        this.elements = policy.effective("script-src-elem");
        this.handlers = policy.effective("script-src-attr");
        this.evalAllowed = policy.evalSources().map(list -> list.has("'unsafe-eval'")).orElse(true);
    }

    static ScriptExposure of(CspPolicy policy, URI page) {
        return new ScriptExposure(policy, page);
    }

    CspPolicy policy() {
        return policy;
    }

    boolean evalAllowed() {
        return evalAllowed;
    }

    /** Whether this policy lets {@code vector} run. */
    boolean permits(Vector vector) {
        if (vector == Inline.SCRIPT) {
            return elements.map(ScriptExposure::allowsAllInline).orElse(true);
        }
        if (vector == Inline.HANDLER) {
            return handlers.map(ScriptExposure::allowsAllInline).orElse(true);
        }
        if (vector == Inline.GUESSED_NONCE) {
            return elements.map(list -> allowsAllInline(list)
                    || list.parsed().stream().anyMatch(CspSource.Nonce.class::isInstance)).orElse(true);
        }
        ScriptUrl script = (ScriptUrl) vector;
        return (evalAllowed || !script.needsEval()) && elements.map(list -> loads(list, script.url())).orElse(true);
    }

    /**
     * The weaknesses of this policy whose vector {@code exposed} accepts (every enforced policy lets it through),
     * named by the directive that governs them.
     */
    List<Finding> findings(Predicate<Vector> exposed) {
        List<Finding> findings = new ArrayList<>();
        String elementsFrom = elements.map(SourceList::directive).orElse("");
        String handlersFrom = handlers.map(SourceList::directive).orElse("");
        if (elementsFrom.equals(handlersFrom)) {
            judge(elementsFrom, elements, true, true, exposed, findings);
        } else {
            judge(label("script-src-elem", elementsFrom), elements, true, false, exposed, findings);
            judge(label("script-src-attr", handlersFrom), handlers, false, true, exposed, findings);
        }
        return findings;
    }

    private static String label(String directive, String governing) {
        return governing.isEmpty() || governing.equals(directive) ? directive
                : directive + " (from " + governing + ")";
    }

    private void judge(String label, Optional<SourceList> list, boolean coversElements, boolean coversHandlers,
                       Predicate<Vector> exposed, List<Finding> findings) {
        if (list.isEmpty()) {
            Vector vector = coversElements ? Inline.SCRIPT : Inline.HANDLER;
            if (exposed.test(vector)) {
                findings.add(new Finding(true, unrestricted(coversElements, coversHandlers), vector));
            }
            return;
        }
        SourceList sources = list.get();
        if (allowsAllInline(sources)) {
            boolean scripts = coversElements && exposed.test(Inline.SCRIPT);
            boolean eventHandlers = coversHandlers && exposed.test(Inline.HANDLER);
            if (scripts || eventHandlers) {
                findings.add(new Finding(true, label + " allows 'unsafe-inline' without nonces or hashes, so "
                        + (scripts && eventHandlers ? "injected inline scripts and event handlers run"
                        : scripts ? "an injected inline <script> runs" : "injected event handlers run"),
                        scripts ? Inline.SCRIPT : Inline.HANDLER));
            }
        }
        if (coversElements) {
            judgeElementSources(label, sources, exposed, findings);
        }
    }

    private static String unrestricted(boolean coversElements, boolean coversHandlers) {
        if (coversElements && coversHandlers) {
            return "neither script-src nor default-src is set: scripts may load from anywhere";
        }
        return coversElements
                ? "neither script-src-elem, script-src nor default-src is set: <script> elements may load from "
                + "anywhere and run inline"
                : "neither script-src-attr, script-src nor default-src is set: injected event handlers run";
    }

    private void judgeElementSources(String label, SourceList sources, Predicate<Vector> exposed,
                                     List<Finding> findings) {
        for (CspSource source : sources.parsed()) {
            if (source instanceof CspSource.Nonce nonce && significantLength(nonce) < MIN_NONCE_CHARACTERS
                    && exposed.test(Inline.GUESSED_NONCE)) {
                findings.add(new Finding(false, label + " uses the nonce 'nonce-" + nonce.value() + "' of "
                        + significantLength(nonce) + " characters: fewer than " + MIN_NONCE_CHARACTERS
                        + " base64 characters cannot hold the 128 random bits CSP3 asks for", Inline.GUESSED_NONCE));
            }
        }
        // CSP3 §8.2: with 'strict-dynamic', host and scheme sources and 'self' are ignored; only nonces and hashes
        // admit a parser-inserted script, so no allow-list entry can be abused.
        if (sources.has("'strict-dynamic'")) {
            return;
        }
        for (String expression : sources.sources()) {
            CspSource source = CspSource.parse(expression);
            anyScript(source).filter(exposed).ifPresentOrElse(
                    vector -> findings.add(new Finding(true, label + " allows " + expression + " ("
                            + anyScriptReason(source) + ")", vector)),
                    () -> judgeHost(label, expression, source, exposed, findings));
        }
    }

    private void judgeHost(String label, String expression, CspSource source, Predicate<Vector> exposed,
                           List<Finding> findings) {
        if (!(source instanceof CspSource.Host host) || host.host().equals("*") || wildcardOverPublicSuffix(host)) {
            return;
        }
        if (host.scheme().filter("http"::equals).isPresent()) {
            ScriptUrl plain = new ScriptUrl(witness("http", concreteHost(host), host), false);
            if (exposed.test(plain)) {
                findings.add(new Finding(false, label + " lists the plain-http source " + expression
                        + " (an https page never loads http scripts and CSP3 matches it as https; write https://)",
                        plain));
            }
        }
        for (Endpoint endpoint : AllowlistBypasses.all()) {
            ScriptUrl bypass = new ScriptUrl(endpoint.url(), endpoint.needsEval());
            if (CspSourceMatch.of(List.of(expression), endpoint.url(), page) != CspSourceMatch.BLOCKED
                    && exposed.test(bypass)) {
                findings.add(new Finding(true, label + " allows " + expression + ", and " + endpoint.url().getHost()
                        + " " + endpoint.kind().what + " (" + endpoint.hostAndPath() + "): " + endpoint.kind().why,
                        bypass));
                return;
            }
        }
    }

    /** A script from a host the attacker controls, if {@code source} admits one. */
    private static Optional<Vector> anyScript(CspSource source) {
        if (source instanceof CspSource.Scheme scheme) {
            return switch (scheme.scheme()) {
                case "http", "https" -> Optional.of(new ScriptUrl(URI.create("https://" + ATTACKER + "/x.js"), false));
                case "data" -> Optional.of(new ScriptUrl(URI.create("data:text/javascript,attack()"), false));
                default -> Optional.empty();
            };
        }
        if (source instanceof CspSource.Host host && servesScripts(host)
                && (host.host().equals("*") || wildcardOverPublicSuffix(host))) {
            return Optional.of(new ScriptUrl(witness("https", concreteHost(host), host), false));
        }
        return Optional.empty();
    }

    private static String anyScriptReason(CspSource source) {
        if (source instanceof CspSource.Scheme scheme && scheme.scheme().equals("data")) {
            return "any script written into a data: URL";
        }
        if (source instanceof CspSource.Host host && wildcardOverPublicSuffix(host)) {
            return "anyone can register a name under the public suffix " + host.host().substring(2)
                    + " and serve scripts from it";
        }
        return "scripts from any host";
    }

    /** Scripts load over http(s); a scheme-less source takes the page's, which is https here. */
    private static boolean servesScripts(CspSource.Host host) {
        return host.scheme().map(s -> s.equals("http") || s.equals("https")).orElse(true);
    }

    private static boolean wildcardOverPublicSuffix(CspSource.Host host) {
        return host.host().startsWith("*.") && PublicSuffixes.registrableDomain(host.host().substring(2)).isEmpty();
    }

    private static String concreteHost(CspSource.Host host) {
        return host.host().equals("*") ? ATTACKER
                : host.host().startsWith("*.") ? "attacker" + host.host().substring(1) : host.host();
    }

    /** A URL on {@code hostName} that {@code host}'s port and path admit. */
    private static URI witness(String scheme, String hostName, CspSource.Host host) {
        String port = host.port().filter(p -> !p.equals("*")).map(p -> ":" + p).orElse("");
        String path = host.path().isEmpty() ? "/x.js" : host.path().endsWith("/") ? host.path() + "x.js"
                : host.path();
        return URI.create(scheme + "://" + hostName + port + path);
    }

    /** Whether an injected, parser-inserted {@code <script src=url>} loads: CSP3's script pre-request check. */
    private boolean loads(SourceList list, URI url) {
        return !list.has("'strict-dynamic'") && CspSourceMatch.of(list.sources(), url, page) != CspSourceMatch.BLOCKED;
    }

    /**
     * CSP3 §6.7.3.2 "Does a source list allow all inline behavior for type?": a nonce, a hash or 'strict-dynamic'
     * (for scripts and handlers alike) switches 'unsafe-inline' off.
     */
    private static boolean allowsAllInline(SourceList list) {
        List<CspSource> sources = list.parsed();
        boolean neutralised = sources.stream().anyMatch(s -> s instanceof CspSource.Nonce
                || s instanceof CspSource.Hash || s.equals(new CspSource.Keyword("'strict-dynamic'")));
        return !neutralised && sources.contains(new CspSource.Keyword("'unsafe-inline'"));
    }

    private static int significantLength(CspSource.Nonce nonce) {
        return nonce.value().replace("=", "").length();
    }
}
