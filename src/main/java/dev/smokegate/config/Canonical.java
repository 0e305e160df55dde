package dev.smokegate.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one origin every alias must end up at, and the aliases.
 *
 * @param url          the canonical origin; empty means the frontend's
 * @param redirectFrom origins that must redirect to it (typically the www host)
 */
public record Canonical(Optional<URI> url, List<URI> redirectFrom) {

    public static final Canonical DEFAULTS = new Canonical(Optional.empty(), List.of());

    public Canonical {
        redirectFrom = List.copyOf(redirectFrom);
    }

    static Canonical read(YamlNode canonical) {
        Optional<URI> url = canonical.url("url", false);
        List<URI> aliases = new ArrayList<>();
        List<Object> items = canonical.list("redirect-from");
        for (int i = 0; i < items.size(); i++) {
            String key = canonical.key("redirect-from") + "[" + i + "]";
            Object item = items.get(i);
            YamlNode.parseUrl(String.valueOf(item), Set.of("http", "https")).ifPresentOrElse(aliases::add,
                    () -> canonical.problem(key, "not a valid URL: \"" + item + "\""));
        }
        return new Canonical(url, aliases);
    }
}
