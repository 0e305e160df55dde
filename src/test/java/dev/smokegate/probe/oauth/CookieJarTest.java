package dev.smokegate.probe.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6265 §5.3 and §5.4, as far as one visitor's OAuth round trip needs them. */
class CookieJarTest {

    private static HttpObservation setting(String url, String... setCookies) {
        List<HttpExchange.Header> headers = Arrays.stream(setCookies).map(c -> new HttpExchange.Header("Set-Cookie",
                c)).toList();
        return HttpObservation.answered(new HttpExchange("GET", URI.create(url), List.of(), 302, "", headers, "",
                false, Duration.ZERO));
    }

    private static Optional<String> cookieSentTo(CookieJar jar, String url) {
        return jar.on(HttpRequest.get(URI.create(url))).headers().stream()
                .filter(h -> h.name().equals("Cookie")).map(HttpExchange.Header::value).findFirst();
    }

    @Test
    void aHostOnlyCookieGoesBackToItsHostOnly() {
        CookieJar jar = new CookieJar();
        jar.keep(setting("https://api.example.com/auth/github", "sid=s%3Aabc; Path=/; HttpOnly; Secure"));

        assertThat(cookieSentTo(jar, "https://api.example.com/api/me")).contains("sid=s%3Aabc");
        assertThat(cookieSentTo(jar, "https://www.api.example.com/api/me")).isEmpty();
        assertThat(cookieSentTo(jar, "https://example.com/")).isEmpty();
    }

    @Test
    void aDomainCookieGoesToItsSubdomainsButAForeignDomainIsIgnored() {
        CookieJar jar = new CookieJar();
        jar.keep(setting("https://api.example.com/", "a=1; Domain=.example.com", "b=2; Domain=evil.test"));

        assertThat(cookieSentTo(jar, "https://app.example.com/")).contains("a=1");
        assertThat(cookieSentTo(jar, "https://api.example.com/")).contains("a=1");
        assertThat(cookieSentTo(jar, "https://evil.test/")).isEmpty();
    }

    @Test
    void aSecureCookieNeverGoesOverPlainHttp() {
        CookieJar jar = new CookieJar();
        jar.keep(setting("https://api.example.com/", "sid=1; Secure", "lang=en"));

        assertThat(cookieSentTo(jar, "http://api.example.com/")).contains("lang=en");
        assertThat(cookieSentTo(jar, "https://api.example.com/")).contains("sid=1; lang=en");
    }

    @Test
    void aLaterValueReplacesAndAnExpiredCookieIsDropped() {
        CookieJar jar = new CookieJar();
        jar.keep(setting("https://api.example.com/", "sid=1", "x=1"));
        jar.keep(setting("https://api.example.com/", "sid=2", "x=; Max-Age=0"));

        assertThat(cookieSentTo(jar, "https://api.example.com/")).contains("sid=2");
    }
}
