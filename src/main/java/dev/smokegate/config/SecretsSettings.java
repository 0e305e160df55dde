package dev.smokegate.config;

import java.util.Optional;

/**
 * The {@code secrets} section: how much of the frontend's public assets the secrets checks may download, and
 * whether a public source map fails or only warns.
 *
 * @param maxAssets      scripts fetched at most, the page included ({@code max-assets})
 * @param maxBytes       bytes of bodies fetched at most ({@code max-bytes}, e.g. {@code 20MB})
 * @param sourceMapsFail whether a public source map fails ({@code source-maps: fail}) or warns ({@code warn})
 */
public record SecretsSettings(int maxAssets, long maxBytes, boolean sourceMapsFail) {

    public static final SecretsSettings DEFAULTS = new SecretsSettings(100, 20L * 1024 * 1024, false);

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
                }, "expected warn or fail").orElse(DEFAULTS.sourceMapsFail));
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
