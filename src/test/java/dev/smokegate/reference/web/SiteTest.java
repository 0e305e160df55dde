package dev.smokegate.reference.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteTest {

    @Test
    void firstMatchingRouteAnswersAndEveryFilterSeesTheResponse() {
        Site site = new Site(
                List.of(Route.exact("/health", request -> Response.text(200, "health")),
                        Route.any(request -> Response.text(200, "fallback"))),
                List.of((request, response) -> response.withHeader("X-First", "1"),
                        (request, response) -> response.withHeader("X-First", "2")));

        Response health = (Response) site.answer(request("/health"));
        Response other = (Response) site.answer(request("/healthz"));

        assertThat(new String(health.body(), StandardCharsets.UTF_8)).isEqualTo("health");
        assertThat(health.headers().get("X-First")).containsExactly("1", "2");
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo("fallback");
    }

    @Test
    void unmatchedPathGets404() {
        Site site = new Site(List.of(Route.exact("/health", request -> Response.text(200, "ok"))), List.of());

        assertThat(((Response) site.answer(request("/other"))).status()).isEqualTo(404);
    }

    @Test
    void failingHandlerGets500WithoutTheExceptionMessage() {
        Site site = new Site(List.of(Route.any(request -> {
            throw new IllegalStateException("password=secret");
        })), List.of());

        Response response = (Response) site.answer(request("/"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("secret");
    }

    @Test
    void heldRequestsSkipTheFilters() {
        Site site = new Site(List.of(Route.any(request -> Reply.noAnswer())),
                List.of((request, response) -> {
                    throw new AssertionError("filters only apply to responses");
                }));

        assertThat(site.answer(request("/"))).isSameAs(Reply.noAnswer());
    }

    @Test
    void hostHeaderLosesPortAndCase() {
        assertThat(Request.hostWithoutPort("App.Smokegate.Test:443")).isEqualTo("app.smokegate.test");
        assertThat(Request.hostWithoutPort("[::1]:8443")).isEqualTo("[::1]");
        assertThat(Request.hostWithoutPort(null)).isEmpty();
    }

    @Test
    void redirectCarriesOnlyTheLocation() {
        Response redirect = Response.redirect(301, "https://app.smokegate.test/a?b=c");

        assertThat(redirect.headers()).containsOnlyKeys("Location");
        assertThat(redirect.body()).isEmpty();
    }

    private static Request request(String path) {
        return new Request("GET", true, "app.smokegate.test", path, null, new Headers());
    }
}
