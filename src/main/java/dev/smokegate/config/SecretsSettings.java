package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code secrets} section: how much of the frontend's public assets the secrets checks may download, and
 * whether a public source map fails or only warns.
 *
 * @param maxAssets      scripts fetched at most, the page included ({@code max-assets})
 * @param maxBytes       bytes of bodies fetched at most ({@code max-bytes}, e.g. {@code 20MB})
 * @param sourceMapsFail whether a public source map fails ({@code source-maps: fail}) or warns ({@code warn})
 * @param alsoSearch     {@code also-search}: {@code ${VAR}} references of secrets the app holds that no other check
 *                       needs (a client secret, a signing key), so that the run knows their values and the public
 *                       assets can be searched for them
 */
public record SecretsSettings(int maxAssets, long maxBytes, boolean sourceMapsFail, List<ConfigValue> alsoSearch) {

    public static final SecretsSettings DEFAULTS = new SecretsSettings(100, 20L * 1024 * 1024, false, List.of());

    public SecretsSettings {
        alsoSearch = List.copyOf(alsoSearch);
    }

    /** These settings, a public source map failing or only warning. */
    public SecretsSettings withSourceMapsFail(boolean fail) {
        return new SecretsSettings(maxAssets, maxBytes, fail, alsoSearch);
    }

    static SecretsSettings read(YamlNode secrets) {
        return new SecretsSettings(
                secrets.parsed("max-assets", SecretsSettings::count, "expected a whole number from 1 to 10000")
                        .orElse(DEFAULTS.maxAssets),
                secrets.parsed("max-bytes", SecretsSettings::bytes, "expected a size such as 500KB or 20MB")
                        .orElse(DEFAULTS.maxBytes),
                secrets.parsed("source-maps", text -> switch (text.trim()) {
                    case "warn" -> Optional.of(false);
                    case "fail" -> Optional.of(true);
                    default -> Optional.empty();
                }, "expected warn or fail").orElse(DEFAULTS.sourceMapsFail),
                alsoSearch(secrets));
    }

    private static List<ConfigValue> alsoSearch(YamlNode secrets) {
        List<ConfigValue> references = new ArrayList<>();
        List<Object> entries = secrets.list("also-search");
        for (int i = 0; i < entries.size(); i++) {
            String key = secrets.key("also-search") + "[" + i + "]";
            ConfigValue value = secrets.context().expand(key, String.valueOf(entries.get(i)));
            if (value.variables().isEmpty()) {
                secrets.problem(key, "must be a ${ENV_VAR} reference (it is a secret), found a literal value");
            } else {
                references.add(value);
            }
        }
        return references;
    }

    private static Optional<Integer> count(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 1 && value <= 10_000 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> bytes(String text) {
        var m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(B|KB|MB)?").matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = m.group(2) == null || m.group(2).equals("B") ? 1 : m.group(2).equals("KB") ? 1024 : 1024 * 1024;
        long value = Long.parseLong(m.group(1)) * unit;
        return value > 0 ? Optional.of(value) : Optional.empty();
    }
}
