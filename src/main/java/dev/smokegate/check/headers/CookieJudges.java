package dev.smokegate.check.headers;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;

/** Judges of the cookies an origin sets: names and attributes only, never values. */
final class CookieJudges {

    private CookieJudges() {
    }

    static Verdict flags(HttpExchange response, EnvironmentConfig config) {
        List<SetCookie> cookies = response.headers("Set-Cookie").stream().map(SetCookie::parse).toList();
        if (cookies.isEmpty()) {
            return Verdict.pass("no cookies set on this response");
        }
        List<String> findings = new ArrayList<>();
        for (SetCookie cookie : cookies) {
            String name = cookie.name();
            if (!cookie.secure()) {
                findings.add(name + " lacks Secure");
            }
            if (config.headers().sessionCookies().contains(name) && !cookie.httpOnly()) {
                findings.add("session cookie " + name + " lacks HttpOnly (scripts can read it)");
            }
            String sameSite = cookie.sameSite().orElse("");
            if (sameSite.isEmpty()) {
                findings.add(name + " has no SameSite attribute (browsers differ in the default)");
            } else if (sameSite.equals("none") && !cookie.secure()) {
                findings.add(name + " has SameSite=None without Secure (browsers reject it)");
            } else if (!List.of("lax", "strict", "none").contains(sameSite)) {
                findings.add(name + " has an unknown SameSite=" + sameSite);
            }
            if (name.startsWith("__Host-") && (!cookie.secure() || !cookie.attribute("path").orElse("").equals("/")
                    || cookie.attribute("domain").isPresent())) {
                findings.add(name + " breaks the __Host- rules (Secure, Path=/, no Domain)");
            }
            if (name.startsWith("__Secure-") && !cookie.secure()) {
                findings.add(name + " breaks the __Secure- rule (Secure)");
            }
        }
        List<String> names = cookies.stream().map(SetCookie::name).toList();
        return findings.isEmpty() ? Verdict.pass("cookies " + names + " are Secure, SameSite"
                + (config.headers().sessionCookies().isEmpty() ? "" : ", session cookies HttpOnly"))
                : Verdict.fail(String.join("; ", findings));
    }
}
