package dev.smokegate.probe.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.probe.browser.LoginObservation.Document;
import dev.smokegate.probe.browser.LoginObservation.SentRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * What Chromium's performance log says about the network: every request with the Referer it carried, and every
 * page (main-frame document) with its status. WebDriver hands the log out once, so it is drained after every step
 * and collected here. The same log endpoint works for a local chromedriver and through a Selenium Grid node.
 */
final class NetworkLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Requests by Chromium's request id, in order; a redirect reuses the id, so each hop is added anew. */
    private final List<SentRequest> requests = new ArrayList<>();
    private final Map<String, Integer> lastHopOf = new LinkedHashMap<>();
    private final List<Document> documents = new ArrayList<>();
    /** The status of the last response from each URL, whatever its type (a page, a form's answer, a fetch). */
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    private final List<String> console = new ArrayList<>();

    /** Reads what the browser logged since the last call. */
    void drain(WebDriver driver) {
        for (LogEntry entry : driver.manage().logs().get("performance")) {
            read(entry.getMessage());
        }
        for (LogEntry entry : driver.manage().logs().get("browser")) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
    }

    private void read(String message) {
        JsonNode event;
        try {
            event = JSON.readTree(message).path("message");
        } catch (IOException e) {
            return; // not an event this log is read for
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Network.requestWillBeSent" -> {
                JsonNode request = params.path("request");
                if (!request.path("url").asText().matches("(?i)(https?|wss?)://.*")) {
                    return; // the browser's own pages (chrome://) are not the app's traffic
                }
                Optional<String> referer = header(request.path("headers"), "referer");
                lastHopOf.put(params.path("requestId").asText(), requests.size());
                requests.add(new SentRequest(request.path("url").asText(), referer));
            }
            case "Network.requestWillBeSentExtraInfo" -> {
                // The headers as sent on the wire, which may add a Referer the first event did not show.
                Integer index = lastHopOf.get(params.path("requestId").asText());
                Optional<String> referer = header(params.path("headers"), "referer");
                if (index != null && referer.isPresent() && requests.get(index).referer().isEmpty()) {
                    requests.set(index, new SentRequest(requests.get(index).url(), referer));
                }
            }
            case "Network.responseReceived" -> {
                JsonNode response = params.path("response");
                statuses.put(response.path("url").asText(), response.path("status").asInt());
                if ("Document".equals(params.path("type").asText())) {
                    documents.add(new Document(response.path("url").asText(), response.path("status").asInt()));
                }
            }
            default -> {
                // other events carry nothing the checks judge
            }
        }
    }

    private static Optional<String> header(JsonNode headers, String name) {
        var fields = headers.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue().asText());
            }
        }
        return Optional.empty();
    }

    List<SentRequest> requests() {
        return List.copyOf(requests);
    }

    List<Document> documents() {
        return List.copyOf(documents);
    }

    List<String> console() {
        return List.copyOf(console);
    }

    /**
     * The {@code code} parameters of requests that went to {@code callback} (any URL starting with it), which is
     * where GitHub sends the browser with the authorization code.
     */
    List<String> codesSentTo(String callback) {
        List<String> codes = new ArrayList<>();
        for (SentRequest request : requests) {
            if (request.url().startsWith(callback)) {
                parameter(request.url(), "code").filter(c -> !codes.contains(c)).ifPresent(codes::add);
            }
        }
        return codes;
    }

    /** The status of the last response the browser received from {@code url}, if the log saw it. */
    Optional<Integer> statusOf(String url) {
        return Optional.ofNullable(statuses.get(url));
    }

    static Optional<String> parameter(String url, String name) {
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
