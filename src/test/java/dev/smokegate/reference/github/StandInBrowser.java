package dev.smokegate.reference.github;

import com.sun.net.httpserver.Headers;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.Site;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Talks to the stand-in's site in memory, keeping its cookies as a browser would. */
final class StandInBrowser {

    static final String HOST = "github.smokegate.test";

    private final Site site;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    StandInBrowser(Site site) {
        this.site = site;
    }

    Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, "", Map.of());
    }

    Response post(String path, String form) {
        return send("POST", path, form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    Response send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        URI uri = URI.create(pathAndQuery);
        Headers requestHeaders = new Headers();
        headers.forEach(requestHeaders::add);
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(name)
                    .append('=').append(value));
            requestHeaders.add("Cookie", cookie.toString());
        }
        Request request = new Request(method, true, HOST, uri.getRawPath(), uri.getRawQuery(), requestHeaders,
                body.getBytes(StandardCharsets.UTF_8));
        Response response = (Response) site.answer(request);
        for (String setCookie : response.headers().getOrDefault("Set-Cookie", List.of())) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    static String location(Response response) {
        return response.headers().get("Location").get(0);
    }

    static String html(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
