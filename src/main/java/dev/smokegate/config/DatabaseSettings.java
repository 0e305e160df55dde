package dev.smokegate.config;

import java.util.Optional;

/**
 * How the {@code db.*} checks reach Postgres directly: {@code database.url}, a {@code ${DATABASE_URL}} reference, and
 * the nightly restore drill ({@code database.restore-drill}).
 */
public record DatabaseSettings(Optional<ConfigValue> url, Optional<RestoreDrillSettings> restoreDrill) {

    public static final DatabaseSettings NONE = new DatabaseSettings(Optional.empty(), Optional.empty());

    static DatabaseSettings read(YamlNode database) {
        Optional<ConfigValue> url = database.credentialReference("url");
        Optional<RestoreDrillSettings> drill = database.section("restore-drill", RestoreDrillSettings::read);
        drill.ifPresent(d -> RestoreDrillSettings.requireDifferentDatabase(database, url, d));
        return new DatabaseSettings(url, drill);
    }
}
