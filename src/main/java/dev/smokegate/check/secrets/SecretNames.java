package dev.smokegate.check.secrets;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The run's secret values, each named by the {@code ${VAR}}s whose expansion holds it (a password inside
 * {@code ${REDIS_URL}} is named {@code ${REDIS_URL}}), so a finding can say which secret leaked without the value.
 */
final class SecretNames {

    /**
     * Shorter values are not searched: a four-letter password would match ordinary words in any bundle, and a
     * real secret is longer.
     */
    static final int MIN_LENGTH = 8;

    private SecretNames() {
    }

    /** Value to name, for every secret at least {@link #MIN_LENGTH} characters long. */
    static Map<String, String> of(EnvironmentConfig config) {
        Map<String, String> names = new LinkedHashMap<>();
        config.secretValues().stream().filter(v -> v.length() >= MIN_LENGTH).sorted().forEach(value -> {
            TreeSet<String> variables = new TreeSet<>();
            for (ConfigValue reference : config.references()) {
                if (reference.value().contains(value)) {
                    reference.variables().forEach(v -> variables.add("${" + v + "}"));
                }
            }
            names.put(value, variables.isEmpty() ? "a secret of the config" : String.join(" or ", variables));
        });
        return names;
    }
}
