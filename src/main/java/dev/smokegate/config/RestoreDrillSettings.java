package dev.smokegate.config;

import java.util.Optional;

/**
 * The nightly backup-to-scratch restore drill ({@code db.restore-drill}): {@code database.restore-drill.target-url}, a
 * {@code ${RESTORE_DATABASE_URL}} reference to a scratch database that must differ from the source.
 */
public record RestoreDrillSettings(Optional<ConfigValue> targetUrl) {

    static RestoreDrillSettings read(YamlNode drill) {
        return new RestoreDrillSettings(drill.credentialReference("target-url"));
    }
}
