package dev.smokegate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A config file as a user writes it, in a test's temporary directory, loaded the way smokegate loads it. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** {@code yaml} written to {@code dir/prod.yaml} and loaded with {@code environment} as the process's. */
    public static EnvironmentConfig load(Path dir, String yaml, Map<String, String> environment)
            throws IOException, ConfigException {
        Path file = dir.resolve("prod.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(environment, id -> true).load(file);
    }
}
