package dev.smokegate.check.http;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.model.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public origins of an environment, each once, named by the role it was first configured under. */
final class HttpTargets {

    private HttpTargets() {
    }

    static List<Target> origins(EnvironmentConfig config) {
        Map<String, Target> byOrigin = new LinkedHashMap<>();
        config.publicUrls().forEach(t -> add(byOrigin, t.role(), URI.create(t.address())));
        return new ArrayList<>(byOrigin.values());
    }

    private static void add(Map<String, Target> byOrigin, String role, URI url) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT)
                + (url.getPort() == -1 ? "" : ":" + url.getPort());
        byOrigin.putIfAbsent(origin, new Target(role, origin + "/"));
    }
}
