package dev.smokegate.config;

import java.util.Optional;

/**
 * How the {@code db.*} checks reach Postgres directly: {@code database.url}, a {@code ${DATABASE_URL}} reference, and
 * the nightly restore drill ({@code database.restore-drill}).
 */
public record DatabaseSettings(Optional<ConfigValue> url, Optional<RestoreDrillSettings> restoreDrill) {

    public static final DatabaseSettings NONE = new DatabaseSettings(Optional.empty(), Optional.empty());

    static DatabaseSettings read(YamlNode database) {
        return new DatabaseSettings(database.credentialReference("url"),
                database.section("restore-drill", RestoreDrillSettings::read));
    }
}
