package dev.smokegate.config;

import java.util.Set;

/**
 * A config string after {@code ${ENV_VAR}} expansion. The expanded values of referenced variables are secrets:
 * they are handed to the redactor and never printed.
 *
 * @param key        the dotted config key, for messages
 * @param value      the expanded text (unset variables expand to nothing)
 * @param variables  every variable the raw text referenced
 * @param unset      those of them that were not set in the environment
 */
public record ConfigValue(String key, String value, Set<String> variables, Set<String> unset) {

    public ConfigValue {
        variables = Set.copyOf(variables);
        unset = Set.copyOf(unset);
    }

    public static ConfigValue literal(String key, String value) {
        return new ConfigValue(key, value, Set.of(), Set.of());
    }

    public boolean resolved() {
        return unset.isEmpty();
    }
}
