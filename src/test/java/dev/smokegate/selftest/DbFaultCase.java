package dev.smokegate.selftest;

import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.MigrationSettings;
import dev.smokegate.reference.Fault;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One row of the database fault matrix: a fault switched on in the reference Postgres and/or a config that expects
 * something else of it, every db.* check that must fail (each with a fragment of its message), and every check that
 * must warn. No other db.* check may fail, warn or break.
 */
record DbFaultCase(String name, Optional<Fault> fault, UnaryOperator<DatabaseSettings> config,
                   Map<String, String> failing, Set<String> warning) {

    /** Every db.* check but the restore drill, which has its own matrix. */
    static final List<String> CHECKS = List.of("db.tls.required", "db.version", "db.app-user.least-privilege",
            "db.schema.critical-tables", "db.migrations.current", "db.pitr.archiving");

    static DbFaultCase switched(Fault fault, Map<String, String> failing) {
        return new DbFaultCase(fault.name(), Optional.of(fault), UnaryOperator.identity(), failing, Set.of());
    }

    static DbFaultCase configured(String name, UnaryOperator<DatabaseSettings> config, Map<String, String> failing,
                                  Set<String> warning) {
        return new DbFaultCase(name, Optional.empty(), config, failing, warning);
    }

    static final List<DbFaultCase> ALL = List.of(
            switched(Fault.POSTGRES_ACCEPTS_PLAINTEXT, Map.of("db.tls.required",
                    "a plaintext login is accepted: a StartupMessage without TLS got an authentication request")),
            switched(Fault.APP_USER_SUPERUSER, Map.of("db.app-user.least-privilege",
                    "user app has excess privileges: superuser")),
            switched(Fault.APP_USER_CREATEROLE, Map.of("db.app-user.least-privilege",
                    "user app has excess privileges: CREATEROLE")),
            switched(Fault.CRITICAL_TABLE_MISSING, Map.of("db.schema.critical-tables", "missing: messages")),
            switched(Fault.ARCHIVING_FAILING, Map.of("db.pitr.archiving", "WAL archiving is failing: ")),
            // A down database fails every check; none is skipped or broken.
            switched(Fault.POSTGRES_STOPPED, CHECKS.stream().collect(Collectors.toMap(id -> id,
                    id -> "connection refused by 127.0.0.1:"))),
            configured("major version 16 expected", d -> new DatabaseSettings(d.url(), d.restoreDrill(), 16,
                    d.outdatedMinor(), d.appMayOwnDatabase(), d.criticalTables(), d.migrations(), d.archiving()),
                    Map.of("db.version", "but database.major-version is 16"), Set.of()),
            configured("migrations behind", d -> new DatabaseSettings(d.url(), d.restoreDrill(), d.majorVersion(),
                    d.outdatedMinor(), d.appMayOwnDatabase(), d.criticalTables(),
                    d.migrations().map(m -> new MigrationSettings(m.query(),
                            ConfigValue.literal("database.migrations.expected", "1733000000004_reactions"))),
                    d.archiving()),
                    Map.of("db.migrations.current", "the database's newest migration is 1733000000003_messages, "
                            + "the deployed code expects 1733000000004_reactions (the database is behind"),
                    Set.of()),
            configured("app may not own its database", d -> new DatabaseSettings(d.url(), d.restoreDrill(),
                    d.majorVersion(), d.outdatedMinor(), false, d.criticalTables(), d.migrations(), d.archiving()),
                    Map.of("db.app-user.least-privilege", "owner of database app "
                            + "(database.app-owns-database is forbidden)"), Set.of()),
            configured("DATABASE_URL without sslmode", d -> new DatabaseSettings(d.url().map(u -> new ConfigValue(
                    u.key(), u.value().replace("?sslmode=verify-full", ""), u.variables(), u.unset())),
                    d.restoreDrill(), d.majorVersion(), d.outdatedMinor(), d.appMayOwnDatabase(), d.criticalTables(),
                    d.migrations(), d.archiving()), Map.of(), Set.of("db.tls.required")));

    EnvironmentConfig applyTo(EnvironmentConfig config) {
        return config.newBuilder().database(this.config.apply(config.database())).build();
    }

    @Override
    public String toString() {
        return name;
    }
}
