package dev.smokegate.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every section reader of one config file shares: the problems found so far, the process environment for
 * {@code ${VAR}} expansion (and what expansion produced), the config file's directory for relative paths, and
 * which check ids exist.
 */
final class LoadContext {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> environment;
    private final Predicate<String> knownCheck;
    private final Path directory;
    private final Set<String> secretValues = new HashSet<>();
    private final List<ConfigValue> references = new ArrayList<>();

    LoadContext(Map<String, String> environment, Predicate<String> knownCheck, Path directory) {
        this.environment = environment;
        this.knownCheck = knownCheck;
        this.directory = directory;
    }

    List<String> problems() {
        return problems;
    }

    Path directory() {
        return directory;
    }

    boolean namesKnownCheck(String idOrGlob) {
        return knownCheck.test(idOrGlob);
    }

    /** Expands every {@code ${VAR}} in {@code raw}; the variables' values become secrets for the redactor. */
    ConfigValue expand(String key, String raw) {
        Set<String> variables = new HashSet<>();
        Set<String> unset = new HashSet<>();
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            variables.add(variable);
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                unset.add(variable);
                value = "";
            } else {
                secretValues.add(value);
            }
            m.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        m.appendTail(expanded);
        ConfigValue value = new ConfigValue(key, expanded.toString(), variables, unset);
        if (!variables.isEmpty()) {
            references.add(value);
        }
        return value;
    }

    Set<String> secretValues() {
        return secretValues;
    }

    List<ConfigValue> references() {
        return references;
    }
}
