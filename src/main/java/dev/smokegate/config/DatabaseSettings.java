package dev.smokegate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the {@code db.*} checks reach Postgres directly: {@code database.url}, a {@code ${DATABASE_URL}} reference, and
 * the nightly restore drill ({@code database.restore-drill}); and what they expect to find there.
 *
 * @param majorVersion     the Postgres major version the server must run ({@code major-version}, default 15)
 * @param outdatedMinor    whether a minor release behind the newest known one warns ({@code outdated-minor}); a
 *                         managed platform that upgrades on its own schedule may choose to ignore it
 * @param appMayOwnDatabase whether the app's user may own its database ({@code app-owns-database}: allowed or
 *                          forbidden)
 * @param criticalTables   {@code critical-tables}: tables that must exist, with optional minimum row counts
 * @param migrations       {@code migrations}: where the applied migrations are recorded and which one is expected
 * @param archiving        {@code archiving}: how {@code db.pitr.archiving} judges WAL archiving
 */
public record DatabaseSettings(Optional<ConfigValue> url, Optional<RestoreDrillSettings> restoreDrill,
                               int majorVersion, OutdatedMinor outdatedMinor, boolean appMayOwnDatabase,
                               List<CriticalTable> criticalTables, Optional<MigrationSettings> migrations,
                               ArchivingSettings archiving) {

    public static final int DEFAULT_MAJOR_VERSION = 15;
    public static final DatabaseSettings NONE = new DatabaseSettings(Optional.empty(), Optional.empty(),
            DEFAULT_MAJOR_VERSION, OutdatedMinor.WARN, true, List.of(), Optional.empty(), ArchivingSettings.DEFAULTS);

    /** What a server on an older minor release than the newest known one gets. */
    public enum OutdatedMinor { WARN, IGNORE }

    private static final long MAX_MINIMUM_ROWS = 1_000_000_000L;

    public DatabaseSettings {
        criticalTables = List.copyOf(criticalTables);
    }

    static DatabaseSettings read(YamlNode database) {
        Optional<ConfigValue> url = database.credentialReference("url");
        // Only an expanded reference: a literal is refused above, and its text must not be parsed into a message.
        url.filter(v -> !v.variables().isEmpty() && v.resolved() && !v.value().isEmpty()).ifPresent(v -> {
            try {
                PostgresUrl.parse(v.value());
            } catch (IllegalArgumentException e) {
                database.problem(database.key("url"), e.getMessage());
            }
        });
        Optional<RestoreDrillSettings> drill = database.section("restore-drill", RestoreDrillSettings::read);
        drill.ifPresent(d -> RestoreDrillSettings.requireDifferentDatabase(database, url, d));
        return new DatabaseSettings(url, drill,
                database.parsed("major-version", DatabaseSettings::major, "expected a Postgres major version such "
                        + "as 15").orElse(DEFAULT_MAJOR_VERSION),
                database.parsed("outdated-minor", text -> switch (text.trim()) {
                    case "warn" -> Optional.of(OutdatedMinor.WARN);
                    case "ignore" -> Optional.of(OutdatedMinor.IGNORE);
                    default -> Optional.<OutdatedMinor>empty();
                }, "expected warn or ignore").orElse(OutdatedMinor.WARN),
                database.parsed("app-owns-database", text -> switch (text.trim()) {
                    case "allowed" -> Optional.of(true);
                    case "forbidden" -> Optional.of(false);
                    default -> Optional.<Boolean>empty();
                }, "expected allowed or forbidden").orElse(true),
                criticalTables(database),
                database.section("migrations", MigrationSettings::read).flatMap(m -> m),
                database.section("archiving", ArchivingSettings::read).orElse(ArchivingSettings.DEFAULTS));
    }

    /** A list of names, or a mapping of names to the fewest rows each must hold. */
    private static List<CriticalTable> criticalTables(YamlNode database) {
        String key = "critical-tables";
        List<CriticalTable> tables = new ArrayList<>();
        if (!database.holdsMapping(key)) {
            database.tokens(key, MigrationSettings.TABLE_NAME, MigrationSettings.TABLE_EXPECTATION)
                    .forEach(name -> tables.add(new CriticalTable(name, OptionalLong.empty())));
            return tables;
        }
        database.stringMap(key).forEach((name, rows) -> {
            if (!MigrationSettings.TABLE_NAME.matcher(name).matches()) {
                database.problem(database.key(key) + "." + name, "expected " + MigrationSettings.TABLE_EXPECTATION);
                return;
            }
            OptionalLong minimum = minimumRows(rows);
            if (minimum.isEmpty()) {
                database.problem(database.key(key) + "." + name, "expected the fewest rows the table must hold (0 to "
                        + MAX_MINIMUM_ROWS + "), found \"" + rows + "\"");
                return;
            }
            tables.add(new CriticalTable(name, minimum));
        });
        return tables;
    }

    private static OptionalLong minimumRows(String text) {
        try {
            long rows = Long.parseLong(text.trim());
            return rows >= 0 && rows <= MAX_MINIMUM_ROWS ? OptionalLong.of(rows) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Integer> major(String text) {
        try {
            int major = Integer.parseInt(text.trim());
            return major >= 10 && major <= 99 ? Optional.of(major) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
