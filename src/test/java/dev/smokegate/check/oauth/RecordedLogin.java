package dev.smokegate.check.oauth;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.model.Evidence;
import dev.smokegate.probe.browser.LoginObservation;
import dev.smokegate.probe.browser.LoginObservation.BrowserCookie;
import dev.smokegate.probe.browser.LoginObservation.Document;
import dev.smokegate.probe.browser.LoginObservation.End;
import dev.smokegate.probe.browser.LoginObservation.LoginStep;
import dev.smokegate.probe.browser.LoginObservation.Logout;
import dev.smokegate.probe.browser.LoginObservation.MeAnswer;
import dev.smokegate.probe.browser.LoginObservation.SentRequest;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFailure;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A recorded browser login against example hosts, healthy unless a wither changes one fact. */
final class RecordedLogin {

    static final String CODE = "3584d83530557fdd1f46";
    static final String TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static final String ME = "https://api.example.com/api/me";
    static final EnvironmentConfig CONFIG = config(Set.of("lax", "strict"));

    private RecordedLogin() {
    }

    static EnvironmentConfig config(Set<String> sameSite) {
        URI api = URI.create("https://api.example.com");
        return EnvironmentConfig.builder("recorded", URI.create("https://app.example.com"), api)
                .oauth(new OAuthSettings(URI.create("https://github.com"), URI.create("https://api.github.com"),
                        Optional.of(ConfigValue.literal("oauth.client-id", "Iv1.abc")),
                        Optional.of(api.resolve("/auth/github")), Optional.of(api.resolve("/auth/github/callback")),
                        Set.of("read:user"), OAuthSettings.Pkce.OPTIONAL, Optional.of("#sign-in-github"),
                        Optional.of(URI.create(ME)), "login", Optional.of(api.resolve("/auth/logout")), "POST",
                        "sid", sameSite, Duration.ofDays(30), Optional.of(new OAuthSettings.TestAccount(
                        ConfigValue.literal("oauth.test-login", "smokegate-bot"),
                        ConfigValue.literal("oauth.test-password", "pw"),
                        ConfigValue.literal("oauth.test-totp-secret", "JBSWY3DPEHPK3PXP")))))
                .build();
    }

    static LoginObservation healthy() {
        return new LoginObservation("the local Chromium (/usr/bin/chromium)", steps(),
                new End(End.Kind.LANDED, "back at the app at https://app.example.com/"),
                Optional.of("https://app.example.com/"), Optional.of("<html><body><h1>App</h1></body></html>"),
                Map.of("theme", "dark"), Map.of(), Optional.of(new MeAnswer(ME, 200, "{\"login\":\"smokegate-bot\"}")),
                Optional.of(cookie("api.example.com", true, true, "Lax", AT.plus(Duration.ofHours(8)))),
                List.of(new SentRequest("https://api.example.com/auth/github/callback?code=" + CODE + "&state=s",
                                Optional.of("https://github.com/")),
                        new SentRequest("https://app.example.com/", Optional.of("https://github.com/")),
                        new SentRequest("https://fonts.example.net/font.woff2",
                                Optional.of("https://app.example.com/"))),
                List.of(new Document("https://app.example.com/", 200)), List.of(CODE),
                List.of("INFO console.log app started"),
                Optional.of(logout(204, replay(200), replay(401))), Optional.of(forgedState(403, 401)), AT, Optional.empty());
    }

    /** The callback's answer to a real code with a forged state, and "who am I" afterwards. */
    static LoginObservation.ForgedState forgedState(int callbackStatus, int meStatus) {
        return new LoginObservation.ForgedState("https://api.example.com/auth/github/callback?code=[REDACTED]"
                + "&state=[REDACTED]", callbackStatus, Optional.of(new MeAnswer(ME, meStatus, meStatus == 200
                ? "{\"login\":\"smokegate-bot\"}" : "{\"error\":\"not signed in\"}")), Optional.empty());
    }

    static LoginObservation withForgedState(LoginObservation o, LoginObservation.ForgedState forged) {
        return new LoginObservation(o.browser(), o.steps(), o.end(), o.finalUrl(), o.finalDom(), o.localStorage(),
                o.sessionStorage(), o.me(), o.sessionCookie(), o.requests(), o.documents(), o.oauthCodes(),
                o.console(), o.logout(), Optional.of(forged), AT, Optional.empty());
    }

    static List<LoginStep> steps() {
        return List.of(step("the app's sign-in page", "https://app.example.com/"),
                step("GitHub sign-in (/login)", "https://github.com/login?return_to=%2Flogin%2Foauth%2Fauthorize"),
                step("GitHub two-factor authentication (/sessions/two-factor/app)",
                        "https://github.com/sessions/two-factor/app"),
                step("back at the app (app.example.com)", "https://app.example.com/"));
    }

    static LoginStep step(String page, String url) {
        return new LoginStep(page, url, "title", Optional.of(Evidence.png("step: " + page, new byte[]{(byte) 0x89,
                'P', 'N', 'G'})), Optional.empty());
    }

    static BrowserCookie cookie(String domain, boolean secure, boolean httpOnly, String sameSite, Instant expiry) {
        return new BrowserCookie("sid", domain, "/", secure, httpOnly, Optional.ofNullable(sameSite),
                Optional.ofNullable(expiry));
    }

    static Logout logout(int status, HttpObservation before, HttpObservation after) {
        return new Logout("POST", "https://api.example.com/auth/logout", status, status == 0 ? "TypeError" : "",
                before, after);
    }

    static HttpObservation replay(int status) {
        return HttpObservation.answered(new HttpExchange("GET", URI.create(ME), List.of(new HttpExchange.Header(
                "Cookie", "sid=s%3Aabc")), status, "", List.of(), status == 200 ? "{\"login\":\"smokegate-bot\"}"
                : "{\"error\":\"unauthorized\"}", false, Duration.ofMillis(5)));
    }

    static HttpObservation unanswered() {
        return HttpObservation.unanswered(HttpRequest.get(URI.create(ME)), HttpFailure.TIMED_OUT,
                "no answer within 10 s", Duration.ofSeconds(10));
    }

    static LoginObservation ended(End.Kind kind, String detail) {
        LoginObservation o = healthy();
        return new LoginObservation(o.browser(), o.steps(), new End(kind, detail), Optional.empty(),
                Optional.empty(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), o.requests(), o.documents(),
                o.oauthCodes(), o.console(), Optional.empty(), Optional.empty(), AT, Optional.empty());
    }

    static LoginObservation withMe(int status, String body) {
        LoginObservation o = healthy();
        return new LoginObservation(o.browser(), o.steps(), o.end(), o.finalUrl(), o.finalDom(), o.localStorage(),
                o.sessionStorage(), Optional.of(new MeAnswer(ME, status, body)), o.sessionCookie(), o.requests(),
                o.documents(), o.oauthCodes(), o.console(), o.logout(), o.forgedState(), AT, Optional.empty());
    }

    static LoginObservation withCookie(Optional<BrowserCookie> cookie) {
        LoginObservation o = healthy();
        return new LoginObservation(o.browser(), o.steps(), o.end(), o.finalUrl(), o.finalDom(), o.localStorage(),
                o.sessionStorage(), o.me(), cookie, o.requests(), o.documents(), o.oauthCodes(), o.console(),
                o.logout(), o.forgedState(), AT, Optional.empty());
    }

    static LoginObservation withPage(String finalUrl, String dom, Map<String, String> local,
                                     Map<String, String> session, List<SentRequest> requests) {
        LoginObservation o = healthy();
        return new LoginObservation(o.browser(), o.steps(), o.end(), Optional.of(finalUrl), Optional.of(dom), local,
                session, o.me(), o.sessionCookie(), requests, o.documents(), o.oauthCodes(), o.console(), o.logout(),
                o.forgedState(), AT, Optional.empty());
    }

    static LoginObservation withLogout(Optional<Logout> logout) {
        LoginObservation o = healthy();
        return new LoginObservation(o.browser(), o.steps(), o.end(), o.finalUrl(), o.finalDom(), o.localStorage(),
                o.sessionStorage(), o.me(), o.sessionCookie(), o.requests(), o.documents(), o.oauthCodes(),
                o.console(), logout, o.forgedState(), AT, Optional.empty());
    }
}
