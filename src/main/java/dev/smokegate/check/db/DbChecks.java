package dev.smokegate.check.db;

import dev.smokegate.check.Check;
import dev.smokegate.check.ObservedCheck;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.model.CheckSpec;
import dev.smokegate.model.Severity;
import dev.smokegate.model.Target;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.db.PostgresObservation;
import dev.smokegate.probe.db.PostgresProbes;
import dev.smokegate.probe.db.PostgresTransportObservation;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The db.* checks that reach Postgres directly, except the restore drill, in report order. */
public final class DbChecks {

    private DbChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(
                db(CheckSpec.gate("db.tls.required", Severity.CRITICAL,
                        "A TLS session to the database verifies (certificate chain and host name), a plaintext "
                                + "login is refused by the server, and DATABASE_URL asks for sslmode=require or "
                                + "stricter (weaker or none warns).",
                        "Allow only hostssl lines in pg_hba.conf (no host lines that match the app's network), or "
                                + "the platform's \"require SSL\" switch; serve a certificate for the host name in "
                                + "DATABASE_URL; and add ?sslmode=verify-full (or require) to DATABASE_URL so the "
                                + "app itself never falls back to plaintext."),
                        DbChecks::transport, DbJudges::tlsRequired, NOTHING_MORE),
                db(CheckSpec.gate("db.version", Severity.MEDIUM,
                        "The server runs the configured major version (database.major-version, default 15); a "
                                + "minor release behind the newest known one, or a major past its end of life, "
                                + "warns.",
                        "Upgrade the minor release (a restart, no dump: managed platforms offer it as a maintenance "
                                + "update), or plan the major upgrade (pg_upgrade or dump and restore) and update "
                                + "database.major-version when it is done."),
                        DbChecks::session, DbJudges::version, NOTHING_MORE),
                db(CheckSpec.gate("db.app-user.least-privilege", Severity.HIGH,
                        "The app's user is no superuser, has no CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS, "
                                + "is not a member of roles that reach server files, programs, every table or "
                                + "other sessions, and does not own the database when database.app-owns-database "
                                + "is forbidden.",
                        "Run the app as a role that only owns (or is granted) its tables: ALTER ROLE app "
                                + "NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS; REVOKE the listed "
                                + "pg_* roles; give the database to a separate owner role used for migrations."),
                        DbChecks::session, DbJudges::leastPrivilege, NOTHING_MORE),
                db(CheckSpec.gate("db.schema.critical-tables", Severity.CRITICAL,
                        "Every table in database.critical-tables exists, and holds at least its configured minimum "
                                + "of rows.",
                        "Run the app's migrations against this database (or restore the missing table from "
                                + "backup); if rows are missing, check the last deploy's migrations and restore; "
                                + "fix database.critical-tables if a table was renamed on purpose."),
                        DbChecks::session, DbJudges::criticalTables, config -> config.database().criticalTables()
                        .isEmpty() ? Optional.of("no database.critical-tables are configured") : Optional.empty()),
                db(CheckSpec.gate("db.migrations.current", Severity.HIGH,
                        "The newest migration the database records (database.migrations) is the one the deployed "
                                + "code expects (database.migrations.expected); behind or ahead fails.",
                        "Run the migrations as part of the deploy (Railway: a pre-deploy command such as "
                                + "npx node-pg-migrate up) before the new code serves; if the database is ahead, "
                                + "the deploy rolled code back without its migrations: redeploy or roll back the "
                                + "schema on purpose."),
                        DbChecks::session, DbJudges::migrationsCurrent, config -> config.database().migrations()
                        .isEmpty() ? Optional.of("no database.migrations is configured") : Optional.empty()),
                db(CheckSpec.nightly("db.pitr.archiving", Severity.HIGH,
                        "Where WAL archiving is on, pg_stat_archiver shows a successful archive within "
                                + "database.archiving.max-age (default 26h) and no failure since; archiving off or "
                                + "hidden warns, or passes unjudged (database.archiving.when-off: pass).",
                        "Fix archive_command (its failures are in the server log: a full or unreachable archive, "
                                + "wrong permissions) so point-in-time recovery has every segment; a managed "
                                + "platform that hides archiving: confirm PITR in its console and set "
                                + "database.archiving.when-off: pass."),
                        DbChecks::session, DbJudges::archiving, NOTHING_MORE));
    }

    private static ProbeRequest<PostgresObservation> session(PostgresUrl url, EnvironmentConfig config) {
        return PostgresProbes.session(url, config.database());
    }

    private static ProbeRequest<PostgresTransportObservation> transport(PostgresUrl url, EnvironmentConfig config) {
        return PostgresProbes.transport(url, config.timeouts());
    }

    /** What a check needs besides the URL: empty when configured, else the reason it is skipped. */
    @FunctionalInterface
    private interface Requirement {
        Optional<String> missing(EnvironmentConfig config);
    }

    private static final Requirement NOTHING_MORE = config -> Optional.empty();

    /**
     * A requirement on the Postgres that {@code database.url} reaches, judged from one observation. A check that
     * needs more configuration than the URL names the key it is missing ({@code requires}) and is skipped without it.
     */
    private static <O> Check<O> db(CheckSpec spec, BiFunction<PostgresUrl, EnvironmentConfig, ProbeRequest<O>> probe,
                                   BiFunction<O, EnvironmentConfig, Verdict> judge, Requirement requires) {
        return ObservedCheck.of(spec, config -> requires.missing(config).isPresent() ? List.of() : url(config)
                                .map(url -> List.of(new Target(Target.DATABASE, url.display()))).orElse(List.of()),
                        (target, config) -> probe.apply(url(config).orElseThrow(), config), judge)
                .withNotApplicable(config -> config.database().url().isEmpty() ? "no database.url is configured"
                        : requires.missing(config).orElse("database.url is not a postgres:// URL"))
                .alsoUsing("database.url", "database.migrations");
    }

    /** The configured URL, when it parses (the loader reports one that does not). */
    static Optional<PostgresUrl> url(EnvironmentConfig config) {
        Optional<String> text = config.database().url().map(ConfigValue::value).filter(v -> !v.isEmpty());
        try {
            return text.map(PostgresUrl::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
