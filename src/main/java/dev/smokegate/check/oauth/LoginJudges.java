package dev.smokegate.check.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.Evidence;
import dev.smokegate.model.Excerpt;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.browser.LoginObservation;
import dev.smokegate.probe.browser.LoginObservation.BrowserCookie;
import dev.smokegate.probe.browser.LoginObservation.Logout;
import dev.smokegate.probe.browser.LoginObservation.LoginStep;
import dev.smokegate.probe.browser.LoginObservation.MeAnswer;
import dev.smokegate.probe.browser.LoginObservation.SentRequest;
import dev.smokegate.probe.http.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** Judges of the browser login ({@link LoginObservation}): pure functions, one per {@code oauth.*} browser check. */
final class LoginJudges {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVIDENCE_LIMIT = 64 * 1024;

    private LoginJudges() {
    }

    /**
     * The test account got through GitHub and back, and the app's "who am I" endpoint names it. A refused password
     * or TOTP code, or an app that never sends the browser to GitHub, fails; a page the flow does not know, a page
     * that hangs, or a browser failure cannot tell whether the login works, and is inconclusive.
     */
    static Verdict loginCompletes(LoginObservation o, EnvironmentConfig config) {
        Verdict verdict = switch (o.end().kind()) {
            case LANDED -> signedIn(o, config);
            case NOT_SENT_TO_GITHUB, PASSWORD_REFUSED, TOTP_REFUSED -> Verdict.fail(o.end().detail());
            case UNKNOWN_PAGE, STUCK, CREDENTIALS_WITHHELD, NOT_FINISHED -> Verdict.inconclusive(o.end().detail()
                    + " (" + o.browser() + ")");
        };
        List<Evidence> evidence = new ArrayList<>(steps(o));
        if (verdict.status() != Verdict.Status.PASS) {
            evidence.add(console(o));
        }
        return verdict.withEvidence(evidence);
    }

    private static Verdict signedIn(LoginObservation o, EnvironmentConfig config) {
        OAuthSettings oauth = config.oauth();
        MeAnswer me = o.me().orElseThrow();
        String landed = o.masked(o.finalUrl().orElse(""));
        String status = o.documents().stream().filter(d -> d.url().equals(o.finalUrl().orElse("")))
                .reduce((a, b) -> b).map(d -> " (" + d.status() + ")").orElse("");
        if (me.status() == 0) {
            return Verdict.inconclusive("back at the app at " + landed + status + ", but " + me.url()
                    + " could not be read in the browser: " + o.masked(me.body()));
        }
        if (me.status() != 200) {
            return Verdict.fail("back at the app at " + landed + status + ", but " + me.url() + " answered "
                    + me.status() + ": the app did not sign the test account in");
        }
        Optional<String> login = field(me.body(), oauth.meLoginField());
        String expected = oauth.account().orElseThrow().login().value();
        if (login.isEmpty()) {
            return Verdict.fail(me.url() + " answered 200 without a JSON field \"" + oauth.meLoginField()
                    + "\" (oauth.me-login-field) naming the signed-in user");
        }
        if (!login.get().equalsIgnoreCase(expected)) {
            return Verdict.fail(me.url() + " answered 200 for another user than the test account (field \""
                    + oauth.meLoginField() + "\")");
        }
        return Verdict.pass("the test account signed in through GitHub (" + o.steps().size() + " pages, "
                + o.browser() + ") and " + me.url() + " names it");
    }

    /**
     * The session cookie the login left: Secure, HttpOnly, a SameSite of {@code oauth.same-site}, host-only or
     * scoped to the host that set it (no parent domain, whose every host would receive it), and no longer-lived
     * than {@code oauth.max-session-lifetime}.
     */
    static Verdict sessionCookieFlags(LoginObservation o, EnvironmentConfig config) {
        Optional<Verdict> unjudgeable = signedInFirst(o, config);
        if (unjudgeable.isPresent()) {
            return unjudgeable.get();
        }
        OAuthSettings oauth = config.oauth();
        String host = oauth.meUrl().orElseThrow().getHost().toLowerCase(Locale.ROOT);
        if (o.sessionCookie().isEmpty()) {
            return Verdict.inconclusive("signed in, but the browser holds no cookie named \"" + oauth.sessionCookie()
                    + "\" for " + host + " (oauth.session-cookie names the app's session cookie)");
        }
        BrowserCookie c = o.sessionCookie().get();
        List<String> problems = new ArrayList<>();
        if (!c.secure()) {
            problems.add("not Secure (it would be sent over plain http)");
        }
        if (!c.httpOnly()) {
            problems.add("not HttpOnly (any script on the page can read it)");
        }
        Optional<String> sameSite = c.sameSite().map(s -> s.toLowerCase(Locale.ROOT));
        if (sameSite.isEmpty()) {
            problems.add("no SameSite attribute (browsers differ on what that means), expected "
                    + String.join(" or ", sorted(oauth.sameSite())));
        } else if (!oauth.sameSite().contains(sameSite.get())) {
            problems.add("SameSite=" + c.sameSite().get() + ", expected " + String.join(" or ",
                    sorted(oauth.sameSite())) + " (oauth.same-site)");
        }
        String domain = c.domain().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        if (!domain.equals(host)) {
            problems.add("scoped to ." + domain + ", so every host under " + domain + " receives the session; "
                    + "expected host-only for " + host);
        }
        Optional<Duration> lifetime = c.expiry().map(e -> Duration.between(o.observedAt(), e));
        if (lifetime.isPresent() && lifetime.get().compareTo(oauth.maxSessionLifetime()) > 0) {
            problems.add("lives " + describe(lifetime.get()) + ", longer than " + describe(oauth.maxSessionLifetime())
                    + " (oauth.max-session-lifetime)");
        }
        String flags = c.name() + ": " + (c.secure() ? "Secure" : "not Secure") + ", "
                + (c.httpOnly() ? "HttpOnly" : "not HttpOnly") + ", SameSite=" + c.sameSite().orElse("(none)") + ", "
                + (c.hostOnly() ? "host-only for " + c.domain() : "Domain=" + c.domain()) + ", "
                + lifetime.map(l -> "expires in " + describe(l)).orElse("ends with the browser session");
        if (!problems.isEmpty()) {
            return Verdict.fail("session cookie " + c.name() + ": " + String.join("; ", problems) + " [" + flags
                    + "]").withEvidence(failureEvidence(o));
        }
        return Verdict.pass("session cookie " + flags);
    }

    /**
     * No GitHub token and no OAuth code where other code can read them once the browser is back at the app: the
     * URL it landed on, the page's DOM, localStorage, sessionStorage, or the Referer of any request to a third-party
     * origin (one that is not the environment's nor GitHub's).
     */
    static Verdict noTokenLeak(LoginObservation o, EnvironmentConfig config) {
        Optional<Verdict> unjudgeable = signedInFirst(o, config);
        if (unjudgeable.isPresent()) {
            return unjudgeable.get();
        }
        Set<String> found = new LinkedHashSet<>();
        secretsIn(o, o.finalUrl().orElse("")).forEach(s -> found.add(s + " in the URL the login landed on"));
        secretsIn(o, o.finalDom().orElse("")).forEach(s -> found.add(s + " in the page's DOM"));
        storage(o, o.localStorage(), "localStorage", found);
        storage(o, o.sessionStorage(), "sessionStorage", found);
        Set<String> ownOrigins = ownOrigins(config);
        Set<String> thirdParty = new LinkedHashSet<>();
        for (SentRequest request : o.requests()) {
            Optional<String> origin = origin(request.url());
            if (origin.isEmpty() || ownOrigins.contains(origin.get())) {
                continue;
            }
            thirdParty.add(origin.get());
            request.referer().ifPresent(referer -> secretsIn(o, referer).forEach(s -> found.add(s
                    + " in the Referer sent to " + origin.get())));
        }
        if (!found.isEmpty()) {
            return Verdict.fail("GitHub credentials left where other code can read them: " + String.join("; ", found))
                    .withEvidence(leakEvidence(o));
        }
        String codes = o.oauthCodes().isEmpty() ? "no GitHub token" : "no GitHub token and not the OAuth code";
        return Verdict.pass(codes + " in the landing URL, the DOM, localStorage or sessionStorage"
                + (thirdParty.isEmpty() ? "; no request went to a third-party origin"
                : ", nor in the Referer of requests to " + thirdParty.size() + " third-party origin(s)"));
    }

    /**
     * After the app's logout, the old session cookie sent again to the "who am I" endpoint is refused; the same
     * replay just before the logout must have been accepted, or the refusal proves nothing.
     */
    static Verdict logoutInvalidates(LoginObservation o, EnvironmentConfig config) {
        Optional<Verdict> unjudgeable = signedInFirst(o, config);
        if (unjudgeable.isPresent()) {
            return unjudgeable.get();
        }
        if (o.logout().isEmpty()) {
            return Verdict.inconclusive("signed in, but the browser holds no cookie named \""
                    + config.oauth().sessionCookie() + "\" to replay after the logout (oauth.session-cookie)");
        }
        Logout logout = o.logout().get();
        List<Evidence> evidence = new ArrayList<>(logout.replayBefore().evidence());
        evidence.addAll(logout.replayAfter().evidence());
        String logoutSaid = logout.method() + " " + logout.url() + " answered "
                + (logout.status() == 0 ? "nothing readable (" + o.masked(logout.detail()) + ")" : logout.status());
        Optional<HttpExchange> before = logout.replayBefore().exchange();
        if (before.isEmpty() || before.get().status() != 200) {
            return Verdict.inconclusive("the session cookie sent alone by smokegate's client was not accepted even "
                    + "before the logout (" + answer(logout.replayBefore().exchange(),
                    logout.replayBefore().failure()) + "), so a refusal after it would prove nothing")
                    .withEvidence(evidence);
        }
        Optional<HttpExchange> after = logout.replayAfter().exchange();
        if (after.isEmpty()) {
            return Verdict.inconclusive("after the logout (" + logoutSaid + "), the replay of the old session cookie "
                    + "got no answer: " + logout.replayAfter().failure().orElse("")).withEvidence(evidence);
        }
        int status = after.get().status();
        if (status >= 200 && status < 300) {
            return Verdict.fail("after the logout (" + logoutSaid + "), the old session cookie still signs in: "
                    + after.get().method() + " " + after.get().url() + " answered " + status)
                    .withEvidence(evidence);
        }
        if (status >= 500) {
            return Verdict.fail("after the logout (" + logoutSaid + "), the old session cookie made "
                    + after.get().url() + " fail with " + status + " instead of refusing it").withEvidence(evidence);
        }
        return Verdict.pass("after the logout (" + logoutSaid + "), the old session cookie is refused: "
                + after.get().url() + " answered " + status + " (it answered 200 just before)");
    }

    /**
     * RFC 6749 §10.12: the callback must bind the code to the visitor's own login by the state. Given a real code
     * with a state it never issued, it must refuse (any non-2xx "who am I" afterwards) and not fail with a 5xx.
     */
    static Verdict stateVerified(LoginObservation o, EnvironmentConfig config) {
        Optional<Verdict> unjudgeable = signedInFirst(o, config);
        if (unjudgeable.isPresent()) {
            return unjudgeable.get();
        }
        if (o.forgedState().isEmpty() || o.forgedState().get().detail().isPresent()) {
            return Verdict.inconclusive("the forged-state login could not be tried: " + o.forgedState()
                    .flatMap(LoginObservation.ForgedState::detail).orElse("it was not attempted"));
        }
        LoginObservation.ForgedState forged = o.forgedState().get();
        String answered = forged.callback() + " answered " + (forged.status() == 0 ? "nothing the log saw"
                : forged.status());
        Optional<MeAnswer> me = forged.meAfterwards();
        if (me.isPresent() && me.get().status() / 100 == 2) {
            return Verdict.fail("given a real authorization code with a state it never issued, the callback signed "
                    + "the browser in (" + answered + "; " + me.get().url() + " then answered " + me.get().status()
                    + "): the app does not check the OAuth state, so an attacker can log a victim into the "
                    + "attacker's account (login CSRF)");
        }
        if (forged.status() >= 500) {
            return Verdict.fail("given a real authorization code with a state it never issued, " + answered
                    + ", a server error instead of a refusal");
        }
        return Verdict.pass("a real authorization code with a state the app never issued was refused: " + answered
                + me.map(m -> "; " + m.url() + " then answered " + m.status()).orElse(""));
    }

    /**
     * The three checks that judge what the login left need a login that completed: otherwise they cannot tell
     * (and {@code oauth.login.completes} reports why).
     */
    private static Optional<Verdict> signedInFirst(LoginObservation o, EnvironmentConfig config) {
        if (!o.landed()) {
            return Optional.of(Verdict.inconclusive("the login did not complete (" + o.end().detail()
                    + "); see oauth.login.completes").withEvidence(failureEvidence(o)));
        }
        if (signedIn(o, config).status() != Verdict.Status.PASS) {
            return Optional.of(Verdict.inconclusive("the app did not sign the test account in; see "
                    + "oauth.login.completes").withEvidence(failureEvidence(o)));
        }
        return Optional.empty();
    }

    /** What secrets {@code text} holds, named without repeating them. */
    private static List<String> secretsIn(LoginObservation o, String text) {
        List<String> found = new ArrayList<>();
        Matcher token = LoginObservation.GITHUB_TOKEN.matcher(text);
        if (token.find()) {
            found.add("a GitHub token (" + token.group().substring(0, 4) + "…)");
        }
        if (o.oauthCodes().stream().anyMatch(c -> !c.isEmpty() && text.contains(c))) {
            found.add("the OAuth code");
        }
        return found;
    }

    private static void storage(LoginObservation o, Map<String, String> entries, String where, Set<String> found) {
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            secretsIn(o, e.getValue()).forEach(s -> found.add(s + " in " + where + " under \"" + o.masked(e.getKey())
                    + "\""));
            secretsIn(o, e.getKey()).forEach(s -> found.add(s + " as a key of " + where));
        });
    }

    /** The environment's own origins and GitHub's: a Referer to these stays with the parties of the login. */
    private static Set<String> ownOrigins(EnvironmentConfig config) {
        Set<String> own = new LinkedHashSet<>();
        config.publicUrls().forEach(t -> origin(t.address()).ifPresent(own::add));
        config.headers().extraOrigins().forEach(u -> origin(u.toString()).ifPresent(own::add));
        OAuthSettings oauth = config.oauth();
        for (Optional<URI> url : List.of(Optional.of(oauth.githubUrl()), Optional.of(oauth.githubApiUrl()),
                oauth.loginUrl(), oauth.callbackUrl(), oauth.meUrl(), oauth.logoutUrl())) {
            url.flatMap(u -> origin(u.toString())).ifPresent(own::add);
        }
        return own;
    }

    /** {@code scheme://host:port}, the port always written; empty for what is not an http(s) URL. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("wss") || scheme.equals("ws"))
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") || scheme.equals("ws") ? 80 : 443;
            String web = scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme;
            return Optional.of(web + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).path(name);
            return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String answer(Optional<HttpExchange> exchange, Optional<String> failure) {
        return exchange.map(e -> "answered " + e.status()).orElse("no answer: " + failure.orElse(""));
    }

    /** Each step's screenshot, and the list of steps with their masked URLs. */
    private static List<Evidence> steps(LoginObservation o) {
        List<Evidence> evidence = new ArrayList<>();
        StringBuilder list = new StringBuilder("browser: " + o.browser() + "\n");
        for (int i = 0; i < o.steps().size(); i++) {
            LoginStep step = o.steps().get(i);
            list.append(i + 1).append(". ").append(step.page()).append("\n   ").append(step.url())
                    .append(step.title().isBlank() ? "" : "\n   title: " + step.title())
                    .append(step.withheld().map(w -> "\n   " + w).orElse("")).append('\n');
            step.screenshot().ifPresent(evidence::add);
        }
        list.append("end: ").append(o.end().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
                .append(o.end().detail()).append('\n');
        evidence.add(0, Evidence.text("browser steps", list.toString()));
        return evidence;
    }

    private static List<Evidence> failureEvidence(LoginObservation o) {
        List<Evidence> evidence = new ArrayList<>();
        o.lastScreenshot().ifPresent(evidence::add);
        evidence.add(console(o));
        return evidence;
    }

    private static List<Evidence> leakEvidence(LoginObservation o) {
        List<Evidence> evidence = failureEvidence(o);
        evidence.add(Evidence.text("landing URL (secrets masked)", o.masked(o.finalUrl().orElse(""))));
        evidence.add(Evidence.text("the page's DOM (secrets masked)",
                Excerpt.of(o.masked(o.finalDom().orElse("")), EVIDENCE_LIMIT)));
        return evidence;
    }

    private static Evidence console(LoginObservation o) {
        String log = o.console().isEmpty() ? "(no console messages)" : String.join("\n", o.console());
        return Evidence.text("browser console log (secrets masked)", Excerpt.of(o.masked(log), EVIDENCE_LIMIT));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String describe(Duration d) {
        if (d.toDays() >= 2) {
            // the nearest day: a cookie set for 365 days is read seconds later
            return (d.toHours() + 12) / 24 + " days";
        }
        if (d.toHours() >= 2) {
            return (d.toMinutes() + 30) / 60 + " h";
        }
        return Math.max(0, d.toMinutes()) + " min";
    }
}
