package dev.smokegate.check.db;

import dev.smokegate.config.ArchivingSettings;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.model.Verdict;
import dev.smokegate.probe.db.PostgresFacts;
import dev.smokegate.probe.db.PostgresFacts.ArchiverFacts;
import dev.smokegate.probe.db.PostgresFacts.QueryResult;
import dev.smokegate.probe.db.PostgresFacts.RolePrivileges;
import dev.smokegate.probe.db.PostgresFacts.ServerVersion;
import dev.smokegate.probe.db.PostgresFacts.TableFacts;
import dev.smokegate.probe.db.PostgresObservation;
import dev.smokegate.probe.db.PostgresTransportObservation;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Judges of the db.* observations: pure functions of what the session or the plaintext attempt saw. */
final class DbJudges {

    /** libpq's sslmode values that never fall back to plaintext. */
    private static final Set<String> TLS_ONLY_MODES = Set.of("require", "verify-ca", "verify-full");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private DbJudges() {
    }

    static Verdict tlsRequired(PostgresTransportObservation observed, EnvironmentConfig config) {
        if (observed.tls().failure().isPresent()) {
            return Verdict.fail("no verified TLS session with " + observed.address() + ": "
                    + observed.tls().failure().get());
        }
        String tls = observed.tls().protocol().orElse("TLS") + " handshake verified (chain and host name)";
        PlaintextAnswer plain = observed.plaintext();
        switch (plain.kind()) {
            case AUTHENTICATION_REQUESTED:
                return Verdict.fail("a plaintext login is accepted: a StartupMessage without TLS got an "
                        + "authentication request (" + plain.detail() + "), so a client that does not insist on TLS "
                        + "sends its password and data in clear; " + tls);
            case NO_CONNECTION:
                return Verdict.inconclusive("could not make the plaintext attempt: " + plain.detail() + "; " + tls);
            default:
                break;
        }
        String refused = "plaintext login refused (" + plain.detail() + ")";
        Optional<String> sslmode = DbChecks.url(config).flatMap(PostgresUrl::sslmode);
        if (sslmode.filter(TLS_ONLY_MODES::contains).isEmpty()) {
            return Verdict.warn("DATABASE_URL " + sslmode.map(m -> "has sslmode=" + m).orElse("names no sslmode")
                    + ", so the app may connect in plaintext where the server lets it (libpq's default is prefer); "
                    + "add sslmode=verify-full; " + tls + "; " + refused);
        }
        return Verdict.pass(tls + "; " + refused + "; DATABASE_URL asks for sslmode=" + sslmode.get());
    }

    static Verdict version(PostgresObservation observed, EnvironmentConfig config) {
        return withFacts(observed, facts -> version(facts.version(), LocalDate.ofInstant(facts.serverTime(),
                ZoneOffset.UTC), config.database(), PostgresReleases.SHIPPED));
    }

    static Verdict version(ServerVersion version, LocalDate today, DatabaseSettings settings,
                           PostgresReleases releases) {
        String running = "the server runs Postgres " + version.major() + "." + version.minor();
        if (version.major() != settings.majorVersion()) {
            return Verdict.fail(running + " (server_version " + version.text() + "), but database.major-version is "
                    + settings.majorVersion());
        }
        Optional<PostgresReleases.Branch> branch = releases.branch(version.major());
        if (branch.isEmpty()) {
            return Verdict.pass(running + ", a major version newer than smokegate's release table (as of "
                    + releases.asOf() + ")");
        }
        PostgresReleases.Branch known = branch.get();
        if (!today.isBefore(known.endOfLife())) {
            return Verdict.warn(running + ": Postgres " + known.major() + " reached its end of life on "
                    + known.endOfLife() + " and gets no more security fixes; plan the major upgrade");
        }
        String newest = known.major() + "." + known.newestMinor() + ", the newest " + known.major() + ".x as of "
                + releases.asOf();
        if (version.minor() >= known.newestMinor()) {
            return Verdict.pass(running + "; " + newest + (version.minor() > known.newestMinor()
                    ? " (this one is newer)" : ""));
        }
        if (settings.outdatedMinor() == DatabaseSettings.OutdatedMinor.IGNORE) {
            return Verdict.pass(running + ", behind " + newest + " (not judged: database.outdated-minor is ignore)");
        }
        return Verdict.warn(running + ", behind " + newest + ": minor releases fix security holes and data-loss "
                + "bugs; upgrade (a restart, no dump)");
    }

    static Verdict leastPrivilege(PostgresObservation observed, EnvironmentConfig config) {
        return withFacts(observed, facts -> {
            RolePrivileges role = facts.role();
            List<String> excess = new ArrayList<>();
            if (role.superuser()) {
                excess.add("superuser (which bypasses every other check)");
            }
            addIf(excess, role.createRole(), "CREATEROLE");
            addIf(excess, role.createDb(), "CREATEDB");
            addIf(excess, role.replication(), "REPLICATION");
            addIf(excess, role.bypassRls(), "BYPASSRLS");
            if (!role.superuser()) {
                // A superuser is a member of every role; listing them all would bury the one fact that matters.
                role.superuserMemberships().forEach(r -> excess.add("member of superuser role " + r));
                role.powerfulMemberships().forEach(r -> excess.add("member of " + r));
            }
            boolean owns = role.ownsDatabase();
            if (owns && !config.database().appMayOwnDatabase()) {
                excess.add("owner of database " + database(observed)
                        + " (database.app-owns-database is forbidden)");
            }
            if (!excess.isEmpty()) {
                return Verdict.fail("user " + role.user() + " has excess privileges: " + String.join(", ", excess));
            }
            return Verdict.pass("user " + role.user() + " is no superuser, has no CREATEROLE, CREATEDB, "
                    + "REPLICATION or BYPASSRLS and no membership of a powerful role; "
                    + (owns ? "it owns database " + database(observed) + " (allowed)"
                    : "database " + database(observed) + " is owned by " + role.databaseOwner()));
        });
    }

    static Verdict criticalTables(PostgresObservation observed, EnvironmentConfig config) {
        return withFacts(observed, facts -> {
            List<String> missing = new ArrayList<>();
            List<String> belowMinimum = new ArrayList<>();
            List<String> uncounted = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (TableFacts table : facts.tables()) {
                long minimum = minimumOf(table, config);
                if (table.relation().isEmpty()) {
                    missing.add(table.name());
                } else if (table.countError().isPresent()) {
                    uncounted.add(table.name() + ": " + table.countError().get());
                } else if (table.rowsUpToMinimum().isPresent() && table.rowsUpToMinimum().getAsLong() < minimum) {
                    belowMinimum.add(table.name() + " has " + table.rowsUpToMinimum().getAsLong() + " rows, fewer than "
                            + minimum);
                } else {
                    present.add(table.name() + (table.rowsUpToMinimum().isPresent() ? " (≥ " + minimum + " rows)"
                            : ""));
                }
            }
            if (!missing.isEmpty() || !belowMinimum.isEmpty()) {
                List<String> problems = new ArrayList<>();
                if (!missing.isEmpty()) {
                    problems.add("missing: " + String.join(", ", missing));
                }
                problems.addAll(belowMinimum);
                return Verdict.fail("critical tables in " + database(observed) + ": " + String.join("; ", problems));
            }
            if (!uncounted.isEmpty()) {
                return Verdict.inconclusive("could not count the rows of " + String.join("; ", uncounted));
            }
            return Verdict.pass("all " + present.size() + " critical tables exist: " + String.join(", ", present));
        });
    }

    static Verdict migrationsCurrent(PostgresObservation observed, EnvironmentConfig config) {
        return withFacts(observed, facts -> {
            String expected = config.database().migrations().orElseThrow().expected().value();
            QueryResult result = facts.migration().orElseThrow();
            if (result.error().isPresent()) {
                return result.error().get().undefinedTable()
                        ? Verdict.fail("the migrations table does not exist (" + result.error().get() + "): the "
                        + "database was never migrated, or database.migrations names another table; expected "
                        + expected)
                        : Verdict.inconclusive("the migrations query failed: " + result.error().get());
            }
            if (result.value().isEmpty()) {
                return Verdict.fail("no migration is recorded; the deployed code expects " + expected);
            }
            String applied = result.value().get();
            if (applied.equals(expected)) {
                return Verdict.pass("the newest migration is " + applied + ", as the deployed code expects");
            }
            return Verdict.fail("the database's newest migration is " + applied + ", the deployed code expects "
                    + expected + direction(applied, expected));
        });
    }

    static Verdict archiving(PostgresObservation observed, EnvironmentConfig config) {
        ArchivingSettings settings = config.database().archiving();
        return withFacts(observed, facts -> {
            ArchiverFacts archiver = facts.archiver();
            if (archiver.archiveMode().equals("off")) {
                return off(settings, "WAL archiving is off (archive_mode=off), so there is no point-in-time "
                        + "recovery from this server's WAL");
            }
            if (archiver.unreadable().isPresent()) {
                return off(settings, "pg_stat_archiver cannot be read (" + archiver.unreadable().get() + ")");
            }
            Optional<Instant> success = archiver.lastArchivedTime();
            Optional<Instant> failure = archiver.lastFailedTime();
            if (failure.isPresent() && (success.isEmpty() || failure.get().isAfter(success.get()))) {
                return Verdict.fail("WAL archiving is failing: " + archiver.lastFailedWal().orElse("a segment")
                        + " failed at " + failure.get() + " (failed_count " + archiver.failedCount() + "), "
                        + success.map(s -> "after the last success, " + archiver.lastArchivedWal().orElse("")
                        + " at " + s).orElse("and nothing was ever archived"));
            }
            if (success.isEmpty()) {
                return Verdict.fail("archive_mode is " + archiver.archiveMode() + " but no WAL segment was ever "
                        + "archived (pg_stat_archiver is empty)");
            }
            Duration age = Duration.between(success.get(), facts.serverTime());
            String last = archiver.lastArchivedWal().orElse("") + " at " + success.get() + " (" + readable(age)
                    + " ago)";
            if (age.compareTo(settings.maxAge()) > 0) {
                return Verdict.fail("the last successful WAL archive was " + last + ", longer ago than "
                        + "database.archiving.max-age (" + readable(settings.maxAge()) + ")");
            }
            return Verdict.pass("archive_mode=" + archiver.archiveMode() + "; last archived " + last
                    + ", no failure since (" + archiver.archivedCount() + " archived)");
        });
    }

    private static Verdict off(ArchivingSettings settings, String what) {
        return settings.whenOff() == ArchivingSettings.WhenOff.PASS
                ? Verdict.pass("not judged: " + what + "; database.archiving.when-off is pass (the platform "
                + "archives by its own means)")
                : Verdict.warn(what + "; if the platform archives by its own means (managed Postgres), confirm PITR "
                + "there and set database.archiving.when-off: pass");
    }

    /** The unreachable database fails every check: a down database is a failure, never a skip. */
    private static Verdict withFacts(PostgresObservation observed, Function<PostgresFacts, Verdict> judge) {
        return observed.facts().map(judge).orElseGet(() -> Verdict.fail("cannot open a session with "
                + observed.database() + ": " + observed.unreachable().orElse("no session")));
    }

    private static String database(PostgresObservation observed) {
        return observed.database().substring(observed.database().indexOf('/') + 1);
    }

    private static long minimumOf(TableFacts table, EnvironmentConfig config) {
        return config.database().criticalTables().stream().filter(t -> t.name().equals(table.name()))
                .mapToLong(t -> t.minimumRows().orElse(0)).findFirst().orElse(0);
    }

    /** Behind or ahead, when both names start with the timestamp or number migration tools give them. */
    private static String direction(String applied, String expected) {
        Matcher a = LEADING_NUMBER.matcher(applied);
        Matcher e = LEADING_NUMBER.matcher(expected);
        if (!a.find() || !e.find()) {
            return "";
        }
        int order = new BigInteger(a.group(1)).compareTo(new BigInteger(e.group(1)));
        return order < 0 ? " (the database is behind: run the pending migrations)"
                : order > 0 ? " (the database is ahead of the code: a rollback left migrations applied)" : "";
    }

    private static String readable(Duration duration) {
        if (duration.toHours() >= 1) {
            return duration.toHours() + "h" + (duration.toMinutesPart() > 0 ? duration.toMinutesPart() + "m" : "");
        }
        return duration.toMinutes() >= 1 ? duration.toMinutes() + "m" : Math.max(0, duration.toSeconds()) + "s";
    }

    private static void addIf(List<String> list, boolean condition, String item) {
        if (condition) {
            list.add(item);
        }
    }
}
