package dev.smokegate.config;

import java.util.List;

/** A config that cannot be used. Each problem is one line naming the file, the key and what is wrong. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
