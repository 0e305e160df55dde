package dev.smokegate.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every HTTP probe sends.
 *
 * @param requestHeaders headers added to every request (a token that unlocks detailed health output); credentials
 *                       only as {@code ${VAR}} references
 */
public record HttpSettings(Map<String, ConfigValue> requestHeaders) {

    public static final HttpSettings DEFAULTS = new HttpSettings(Map.of());

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token");

    public HttpSettings {
        requestHeaders = Map.copyOf(requestHeaders);
    }

    static HttpSettings read(YamlNode http) {
        Map<String, ConfigValue> headers = http.expandedMap("request-headers");
        headers.forEach((header, value) -> {
            if (CREDENTIAL_HEADERS.contains(header.toLowerCase(Locale.ROOT)) && value.variables().isEmpty()) {
                http.problem(value.key(), "holds a literal credential; use a ${ENV_VAR} reference");
            }
        });
        return new HttpSettings(headers);
    }
}
