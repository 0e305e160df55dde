package dev.smokegate.check.cors;

import dev.smokegate.probe.http.HttpExchange;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CORS headers of one response, every value as sent (duplicates kept), read the way the Fetch standard makes
 * browsers read them: a browser joins repeated headers with ", " before comparing, so two
 * {@code Access-Control-Allow-Origin} headers or a list in one never match an origin, and
 * {@code Access-Control-Allow-Credentials} enables credentials only when it is exactly {@code true}.
 */
public record CorsHeaders(List<String> allowOrigin, List<String> allowCredentials, List<String> allowMethods,
                          List<String> allowHeaders, List<String> vary) {

    static final String ACAO = "Access-Control-Allow-Origin";
    static final String ACAC = "Access-Control-Allow-Credentials";
    static final String ACAM = "Access-Control-Allow-Methods";
    static final String ACAH = "Access-Control-Allow-Headers";

    public CorsHeaders {
        allowOrigin = trimmed(allowOrigin);
        allowCredentials = trimmed(allowCredentials);
        allowMethods = trimmed(allowMethods);
        allowHeaders = trimmed(allowHeaders);
        vary = trimmed(vary);
    }

    public static CorsHeaders of(HttpExchange response) {
        return new CorsHeaders(response.headers(ACAO), response.headers(ACAC), response.headers(ACAM),
                response.headers(ACAH), response.headers("Vary"));
    }

    /** The origin a browser would compare against: present only when it is one header holding one value. */
    public Optional<String> origin() {
        return allowOrigin.size() == 1 && !allowOrigin.get(0).contains(",") && !allowOrigin.get(0).isEmpty()
                ? Optional.of(allowOrigin.get(0)) : Optional.empty();
    }

    /** Why a sent {@code Access-Control-Allow-Origin} is unusable to every browser, if it is. */
    public Optional<String> originProblem() {
        if (allowOrigin.size() > 1) {
            return Optional.of(allowOrigin.size() + " " + ACAO + " headers (" + String.join(" | ", allowOrigin)
                    + "); browsers reject a response with more than one");
        }
        if (allowOrigin.size() == 1 && allowOrigin.get(0).contains(",")) {
            return Optional.of(ACAO + " \"" + allowOrigin.get(0) + "\" lists several origins; browsers accept "
                    + "exactly one");
        }
        return Optional.empty();
    }

    /** Whether the server names {@code origin} in any {@code Access-Control-Allow-Origin}, valid or not. */
    public boolean echoes(String origin) {
        return allowOrigin.stream().flatMap(v -> items(v).stream()).anyMatch(origin::equals);
    }

    public boolean wildcardOrigin() {
        return origin().filter("*"::equals).isPresent();
    }

    /** Exactly {@code true}: the Fetch standard compares case-sensitively, so {@code True} enables nothing. */
    public boolean credentials() {
        return allowCredentials.size() == 1 && allowCredentials.get(0).equals("true");
    }

    /**
     * Whether a preflight allows {@code method}: the safelisted GET, HEAD and POST always are; otherwise the method
     * must be listed exactly (browsers compare case-sensitively), or {@code *} when the request carries no
     * credentials.
     */
    public boolean allowsMethod(String method, boolean credentialed) {
        List<String> methods = methods();
        return List.of("GET", "HEAD", "POST").contains(method) || methods.contains(method)
                || (!credentialed && methods.contains("*"));
    }

    public List<String> methods() {
        return allowMethods.stream().flatMap(v -> items(v).stream()).toList();
    }

    /**
     * Whether a preflight allows request header {@code name}: listed in any case, or {@code *} when the request
     * carries no credentials; {@code *} never covers {@code Authorization}.
     */
    public boolean allowsHeader(String name, boolean credentialed) {
        List<String> names = headerNames();
        return names.contains(name.toLowerCase(Locale.ROOT))
                || (!credentialed && names.contains("*") && !name.equalsIgnoreCase("Authorization"));
    }

    public boolean wildcardHeaders() {
        return headerNames().contains("*");
    }

    /** Whether caches must key the response on {@code Origin}: listed in any {@code Vary}, or {@code Vary: *}. */
    public boolean variesByOrigin() {
        List<String> tokens = vary.stream().flatMap(v -> items(v).stream()).map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
        return tokens.contains("origin") || tokens.contains("*");
    }

    /** {@code Name "value"} for a message, {@code "Name absent"} when not sent; repeated headers joined by |. */
    static String quote(String name, List<String> values) {
        return values.isEmpty() ? name + " absent" : name + " \"" + String.join(" | ", values) + "\"";
    }

    private List<String> headerNames() {
        return allowHeaders.stream().flatMap(v -> items(v).stream()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** The items of a comma-separated header value, trimmed, empty items dropped. */
    static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).toList();
    }
}
