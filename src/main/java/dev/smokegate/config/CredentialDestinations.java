package dev.smokegate.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured URLs smokegate sends a credential to, checked once the whole file is read (the rule needs the
 * frontend and backend): a wrong one is a config error, one line, before anything is sent. The probes refuse them
 * again at run time, for configs built without the loader.
 */
final class CredentialDestinations {

    private CredentialDestinations() {
    }

    static void check(YamlNode root, EnvironmentConfig config) {
        if (config.frontend().equals(Frontend.MISSING) || config.backend().equals(Backend.MISSING)) {
            return; // already an error; every origin rule below would only repeat it
        }
        URI backend = config.backend().url();
        config.webhook().url().filter(url -> !Origins.same(url, backend) || !config.mayCarryCredentials(url))
                .ifPresent(url -> root.problem("webhook.url", url + " is not on the backend's origin ("
                        + backend.resolve("/") + ") over https: deliveries signed with webhook.secret go there and "
                        + "nowhere else"));
        Map<String, Optional<URI>> tokenDestinations = new LinkedHashMap<>();
        tokenDestinations.put("auth.jwt.endpoint", config.jwt().endpoint());
        tokenDestinations.put("auth.jwt.token-url", config.jwt().tokenUrl());
        tokenDestinations.forEach((key, url) -> url.filter(u -> !config.mayCarryCredentials(u)).ifPresent(u ->
                root.problem(key, u + " is not https on an origin this environment names (frontend, backend, "
                        + "headers.extra-origins): the test user's " + (key.endsWith("token-url") ? "session cookie"
                        : "token") + " goes there and nowhere else")));
    }
}
