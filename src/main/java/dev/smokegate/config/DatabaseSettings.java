package dev.smokegate.config;

import java.util.Optional;

/** How the {@code db.*} checks reach Postgres directly: {@code database.url}, a {@code ${DATABASE_URL}} reference. */
public record DatabaseSettings(Optional<ConfigValue> url) {

    public static final DatabaseSettings NONE = new DatabaseSettings(Optional.empty());

    static DatabaseSettings read(YamlNode database) {
        return new DatabaseSettings(database.credentialReference("url"));
    }
}
