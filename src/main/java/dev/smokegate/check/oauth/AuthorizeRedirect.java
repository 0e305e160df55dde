package dev.smokegate.check.oauth;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.config.Origins;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.oauth.LoginStarts;
import dev.smokegate.probe.oauth.QueryParameters;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges where the app's login sends the browser: GitHub's authorize URL with this app's client id, the exact
 * production callback, no more scope than allowed, a fresh unguessable state every time (RFC 6749 §10.12) and,
 * when PKCE is used, the S256 method (RFC 7636 §4.2, §7.2).
 */
final class AuthorizeRedirect {

    /** RFC 6749 §10.10 asks that a guess succeed with probability at most 2^-128 for a state an attacker must match. */
    static final int MIN_STATE_BITS = 128;

    /** Hosts where per-branch preview deployments live; a production login must never come back there. */
    private static final List<String> PREVIEW_SUFFIXES = List.of(".vercel.app", ".up.railway.app", ".netlify.app",
            ".pages.dev", ".onrender.com");

    private AuthorizeRedirect() {
    }

    static Verdict judge(LoginStarts observed, EnvironmentConfig config) {
        OAuthSettings oauth = config.oauth();
        URI authorize = authorizeUrl(oauth.githubUrl());
        List<QueryParameters> redirects = new ArrayList<>();
        for (HttpObservation start : observed.starts()) {
            if (start.exchange().isEmpty()) {
                return Verdict.fail("GET " + start.url() + " did not answer: " + start.failure().orElse("no response"));
            }
            HttpExchange response = start.exchange().get();
            Optional<URI> location = response.location().filter(l -> response.isRedirect());
            if (location.isEmpty()) {
                return Verdict.fail("GET " + start.url() + " answered " + response.status()
                        + " without redirecting to GitHub (expected a redirect to " + authorize + ")");
            }
            if (!sameEndpoint(location.get(), authorize)) {
                return Verdict.fail("GET " + start.url() + " redirects to " + withoutQuery(location.get())
                        + ", not to GitHub's authorize URL " + authorize);
            }
            redirects.add(QueryParameters.of(location.get()));
        }
        QueryParameters first = redirects.get(0);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        clientId(first, oauth, problems);
        redirectUri(first, oauth, config, problems, notes);
        scope(first, oauth, problems);
        state(redirects, problems);
        pkce(first, oauth, problems);
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems));
        }
        String summary = redirects.size() + " login starts redirect to " + authorize + " with the configured "
                + "client_id, redirect_uri " + first.first("redirect_uri").orElse("(none)") + ", scope \""
                + first.first("scope").orElse("") + "\" and a fresh state each time"
                + (first.first("code_challenge").isPresent() ? ", PKCE S256" : "");
        return notes.isEmpty() ? Verdict.pass(summary) : Verdict.warn(summary + "; " + String.join("; ", notes));
    }

    static URI authorizeUrl(URI githubUrl) {
        String path = githubUrl.getRawPath() == null ? "" : githubUrl.getRawPath().replaceAll("/+$", "");
        return githubUrl.resolve(path + "/login/oauth/authorize");
    }

    /** Whether {@code a} is the endpoint {@code b}: its origin and path. */
    static boolean sameEndpoint(URI a, URI b) {
        return Origins.same(a, b) && b.getRawPath().equals(a.getRawPath());
    }

    private static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static void clientId(QueryParameters query, OAuthSettings oauth, List<String> problems) {
        Optional<String> sent = query.first("client_id");
        if (sent.isEmpty()) {
            problems.add("the authorize URL has no client_id");
        } else if (oauth.clientId().isPresent() && !oauth.clientId().get().value().equals(sent.get())) {
            problems.add("client_id is \"" + sent.get() + "\", not the configured oauth.client-id");
        }
    }

    private static void redirectUri(QueryParameters query, OAuthSettings oauth, EnvironmentConfig config,
                                    List<String> problems, List<String> notes) {
        Optional<String> sent = query.first("redirect_uri");
        if (sent.isEmpty()) {
            notes.add("no redirect_uri: GitHub falls back to the callback registered for the app, which cannot be "
                    + "checked from here");
            return;
        }
        URI uri;
        try {
            uri = URI.create(sent.get());
        } catch (IllegalArgumentException e) {
            problems.add("redirect_uri \"" + sent.get() + "\" is not a URL");
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            problems.add("redirect_uri " + sent.get() + " is not https: the code would cross the network in clear");
        }
        PREVIEW_SUFFIXES.stream().filter(host::endsWith).findFirst().ifPresent(suffix -> problems.add(
                "redirect_uri " + sent.get() + " points at a preview deployment (*" + suffix + "), not production"));
        if (oauth.callbackUrl().isPresent()) {
            if (!oauth.callbackUrl().get().toString().equals(sent.get())) {
                problems.add("redirect_uri is " + sent.get() + ", not the configured callback "
                        + oauth.callbackUrl().get());
            }
        } else if (config.publicUrls().stream().noneMatch(t -> host.equalsIgnoreCase(URI.create(t.address())
                .getHost()))) {
            problems.add("redirect_uri " + sent.get() + " is on none of this environment's hosts");
        }
    }

    private static void scope(QueryParameters query, OAuthSettings oauth, List<String> problems) {
        if (oauth.allowedScopes().isEmpty()) {
            return;
        }
        Set<String> asked = new HashSet<>(Arrays.stream(query.first("scope").orElse("").split("[ ,]+"))
                .filter(s -> !s.isBlank()).toList());
        asked.removeAll(oauth.allowedScopes());
        if (!asked.isEmpty()) {
            problems.add("scope asks for " + String.join(", ", asked.stream().sorted().toList())
                    + " beyond oauth.allowed-scopes (" + String.join(", ", oauth.allowedScopes().stream().sorted()
                    .toList()) + ")");
        }
    }

    private static void state(List<QueryParameters> redirects, List<String> problems) {
        List<String> states = redirects.stream().map(q -> q.first("state").orElse("")).toList();
        if (states.stream().anyMatch(String::isEmpty)) {
            problems.add("no state parameter on " + states.stream().filter(String::isEmpty).count() + " of "
                    + states.size() + " starts: the callback cannot tell a real login from a forged one (login CSRF)");
            return;
        }
        int weakest = states.stream().mapToInt(AuthorizeRedirect::estimatedBits).min().orElse(0);
        if (weakest < MIN_STATE_BITS) {
            problems.add("state carries at most " + weakest + " bits (" + states.get(0).length() + " characters); "
                    + "at least " + MIN_STATE_BITS + " random bits are needed");
        }
        long distinct = states.stream().distinct().count();
        if (distinct < states.size()) {
            problems.add("the same state came back on " + (states.size() - distinct + 1) + " of " + states.size()
                    + " starts: a state must be new for every login");
        }
    }

    /** An upper bound: the length times the bits of the smallest alphabet the value fits in. */
    static int estimatedBits(String value) {
        double perCharacter = value.matches("[0-9]+") ? Math.log(10) / Math.log(2)
                : value.matches("[0-9a-fA-F]+") ? 4
                : value.matches("[A-Za-z0-9]+") ? Math.log(62) / Math.log(2)
                : 6;
        String significant = value.replaceAll("=+$", "");
        return (int) Math.floor(significant.length() * perCharacter);
    }

    private static void pkce(QueryParameters query, OAuthSettings oauth, List<String> problems) {
        Optional<String> challenge = query.first("code_challenge");
        if (challenge.isEmpty()) {
            if (oauth.pkce() == OAuthSettings.Pkce.REQUIRED) {
                problems.add("no PKCE code_challenge, though oauth.pkce is required");
            }
            return;
        }
        String method = query.first("code_challenge_method").orElse("plain");
        if (!method.equals("S256")) {
            problems.add("PKCE code_challenge_method is " + method + (query.count("code_challenge_method") == 0
                    ? " (none sent means plain)" : "") + ": the challenge is the verifier itself; use S256");
        }
    }
}
