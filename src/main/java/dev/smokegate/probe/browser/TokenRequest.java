package dev.smokegate.probe.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.config.JwtSettings;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.browser.LoginObservation.IssuedToken;
import dev.smokegate.probe.http.HttpExchange;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Asks the app for the signed-in session's JWT ({@code auth.jwt.token-url}), as its frontend would, from
 * smokegate's own client with the session cookie: the cookie is a credential, so it goes only over verified TLS to
 * an origin this environment names.
 */
final class TokenRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenRequest() {
    }

    static IssuedToken issue(ProbeContext context, String cookieName, String cookieValue) {
        JwtSettings jwt = context.config().jwt();
        URI url = jwt.tokenUrl().orElseThrow();
        if (!context.config().mayCarryCredentials(url)) {
            return new IssuedToken(url.toString(), 0, Optional.empty(), "not asked: auth.jwt.token-url is not https "
                    + "on an origin this environment names, and the session cookie goes nowhere else");
        }
        HttpObservation answer = HttpFetcher.fetch(HttpRequest.get(url).withHeader("Cookie",
                cookieName + "=" + cookieValue).withHeader("Accept", "application/json"), context);
        if (answer.exchange().isEmpty()) {
            return new IssuedToken(url.toString(), 0, Optional.empty(), "no answer: "
                    + answer.failure().orElse("no response"));
        }
        HttpExchange exchange = answer.exchange().get();
        if (exchange.status() / 100 != 2) {
            return new IssuedToken(url.toString(), exchange.status(), Optional.empty(), "answered "
                    + exchange.status() + " to the signed-in session");
        }
        Optional<String> token = field(exchange.body(), jwt.tokenField());
        return new IssuedToken(url.toString(), exchange.status(), token, token.isPresent() ? ""
                : "answered " + exchange.status() + " without a JSON string field \"" + jwt.tokenField() + "\"");
    }

    private static Optional<String> field(String body, String name) {
        try {
            JsonNode value = JSON.readTree(body).path(name);
            return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
