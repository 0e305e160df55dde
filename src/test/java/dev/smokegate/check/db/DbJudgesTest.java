package dev.smokegate.check.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.config.ArchivingSettings;
import dev.smokegate.config.ConfigValue;
import dev.smokegate.config.CriticalTable;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.MigrationSettings;
import dev.smokegate.model.Verdict;
import dev.smokegate.model.Verdict.Status;
import dev.smokegate.probe.db.PostgresFacts;
import dev.smokegate.probe.db.PostgresFacts.ArchiverFacts;
import dev.smokegate.probe.db.PostgresFacts.QueryResult;
import dev.smokegate.probe.db.PostgresFacts.RolePrivileges;
import dev.smokegate.probe.db.PostgresFacts.ServerVersion;
import dev.smokegate.probe.db.PostgresFacts.SqlError;
import dev.smokegate.probe.db.PostgresFacts.TableFacts;
import dev.smokegate.probe.db.PostgresObservation;
import dev.smokegate.probe.db.PostgresTransportObservation;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer;
import dev.smokegate.probe.db.PostgresTransportObservation.PlaintextAnswer.Kind;
import dev.smokegate.probe.db.PostgresTransportObservation.TlsAnswer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DbJudgesTest {

    private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
    private static final String URL = "postgres://app:pw@db.example.com:5432/app?sslmode=verify-full";
    private static final RolePrivileges APP = new RolePrivileges("app", false, false, false, false, false, List.of(),
            List.of(), "app");
    private static final ArchiverFacts ARCHIVING = new ArchiverFacts("on", Optional.empty(), 12,
            Optional.of("00000001000000000000000C"), Optional.of(NOW.minus(Duration.ofHours(1))), 0, Optional.empty(),
            Optional.empty());
    private static final PostgresReleases RELEASES = new PostgresReleases(LocalDate.parse("2026-08-13"), Map.of(
            15, new PostgresReleases.Branch(15, 19, LocalDate.parse("2027-11-11")),
            13, new PostgresReleases.Branch(13, 23, LocalDate.parse("2025-11-13"))));

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(Optional.of(new ConfigValue("database.url", url, java.util.Set.of("DATABASE_URL"),
                java.util.Set.of())), Optional.empty(), 15, DatabaseSettings.OutdatedMinor.WARN, true,
                List.of(new CriticalTable("users", OptionalLong.of(25)), new CriticalTable("rooms", OptionalLong.empty())),
                Optional.of(new MigrationSettings("SELECT name FROM pgmigrations",
                        ConfigValue.literal("database.migrations.expected", "1733000000003_messages"))),
                ArchivingSettings.DEFAULTS);
    }

    private static EnvironmentConfig config(DatabaseSettings database) {
        return EnvironmentConfig.builder("prod", URI.create("https://app.example.com"),
                URI.create("https://api.example.com")).database(database).build();
    }

    private static final EnvironmentConfig CONFIG = config(settings(URL));

    private static PostgresObservation observed(RolePrivileges role, List<TableFacts> tables,
                                                QueryResult migration, ArchiverFacts archiver) {
        return PostgresObservation.of("db.example.com:5432/app", new PostgresFacts(new ServerVersion(150019,
                "15.19"), role, tables, Optional.of(migration), archiver, NOW));
    }

    private static PostgresObservation withRole(RolePrivileges role) {
        return observed(role, List.of(), migration("1733000000003_messages"), ARCHIVING);
    }

    private static PostgresObservation withTables(TableFacts... tables) {
        return observed(APP, List.of(tables), migration("1733000000003_messages"), ARCHIVING);
    }

    private static PostgresObservation withMigration(QueryResult migration) {
        return observed(APP, List.of(), migration, ARCHIVING);
    }

    private static PostgresObservation withArchiver(ArchiverFacts archiver) {
        return observed(APP, List.of(), migration("1733000000003_messages"), archiver);
    }

    private static QueryResult migration(String name) {
        return new QueryResult(Optional.of(name), Optional.empty());
    }

    private static Verdict version(int number, DatabaseSettings.OutdatedMinor outdated) {
        DatabaseSettings d = settings(URL);
        return DbJudges.version(new ServerVersion(number, "x"), LocalDate.parse("2026-09-01"),
                new DatabaseSettings(d.url(), d.restoreDrill(), d.majorVersion(), outdated, true, List.of(),
                        Optional.empty(), d.archiving()), RELEASES);
    }

    @Test
    void versionPassesOnTheNewestKnownMinor() {
        assertThat(version(150019, DatabaseSettings.OutdatedMinor.WARN).message())
                .isEqualTo("the server runs Postgres 15.19; 15.19, the newest 15.x as of 2026-08-13");
    }

    @Test
    void versionWarnsWhenTheMinorIsBehindAndSaysWhichIsCurrentAsOfWhen() {
        Verdict verdict = version(150018, DatabaseSettings.OutdatedMinor.WARN);

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).startsWith("the server runs Postgres 15.18, behind 15.19, the newest 15.x as of "
                + "2026-08-13");
    }

    @Test
    void versionPassesABehindMinorWhenOutdatedMinorsAreIgnored() {
        Verdict verdict = version(150018, DatabaseSettings.OutdatedMinor.IGNORE);

        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.message()).contains("not judged: database.outdated-minor is ignore");
    }

    @Test
    void versionFailsOnAnotherMajor() {
        assertThat(version(160004, DatabaseSettings.OutdatedMinor.WARN)).extracting(Verdict::status)
                .isEqualTo(Status.FAIL);
    }

    @Test
    void versionWarnsWhenTheMajorIsPastItsEndOfLife() {
        DatabaseSettings d = settings(URL);
        Verdict verdict = DbJudges.version(new ServerVersion(130023, "13.23"), LocalDate.parse("2026-09-01"),
                new DatabaseSettings(d.url(), d.restoreDrill(), 13, d.outdatedMinor(), true, List.of(),
                        Optional.empty(), d.archiving()), RELEASES);

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).contains("Postgres 13 reached its end of life on 2025-11-13");
    }

    @Test
    void shippedReleaseTableKnowsTheSupportedMajorsAndItsDate() {
        assertThat(PostgresReleases.SHIPPED.asOf()).isAfterOrEqualTo(LocalDate.parse("2026-08-13"));
        assertThat(PostgresReleases.SHIPPED.branch(15)).hasValueSatisfying(b ->
                assertThat(b.endOfLife()).isEqualTo(LocalDate.parse("2027-11-11")));
        assertThat(PostgresReleases.SHIPPED.branches().keySet()).contains(14, 15, 16, 17, 18);
    }

    @Test
    void leastPrivilegeListsEveryExcessPrivilege() {
        RolePrivileges role = new RolePrivileges("app", false, true, true, true, true,
                List.of("pg_read_server_files", "pg_signal_backend"), List.of("admin"), "app");

        Verdict verdict = DbJudges.leastPrivilege(withRole(role), config(forbiddingOwnership()));

        assertThat(verdict.message()).isEqualTo("user app has excess privileges: CREATEROLE, CREATEDB, REPLICATION, "
                + "BYPASSRLS, member of superuser role admin, member of pg_read_server_files, member of "
                + "pg_signal_backend, owner of database app (database.app-owns-database is forbidden)");
    }

    @Test
    void leastPrivilegeNamesASuperuserWithoutTheRolesItIsImplicitlyAMemberOf() {
        RolePrivileges role = new RolePrivileges("app", true, false, false, false, false,
                List.of("pg_read_server_files"), List.of("postgres"), "postgres");

        assertThat(DbJudges.leastPrivilege(withRole(role), CONFIG).message())
                .isEqualTo("user app has excess privileges: superuser (which bypasses every other check)");
    }

    @Test
    void leastPrivilegePassesAnOwnerWhenOwnershipIsAllowed() {
        assertThat(DbJudges.leastPrivilege(withRole(APP), CONFIG).status()).isEqualTo(Status.PASS);
    }

    @Test
    void criticalTablesFailBelowTheirMinimumAndWhenMissing() {
        Verdict verdict = DbJudges.criticalTables(withTables(
                new TableFacts("users", Optional.of("users"), OptionalLong.of(3), Optional.empty()),
                new TableFacts("rooms", Optional.empty(), OptionalLong.empty(), Optional.empty())), CONFIG);

        assertThat(verdict.message()).isEqualTo("critical tables in app: missing: rooms; users has 3 rows, fewer "
                + "than 25");
    }

    @Test
    void criticalTablesCannotVerifyRowsTheyCannotCount() {
        Verdict verdict = DbJudges.criticalTables(withTables(
                new TableFacts("users", Optional.of("users"), OptionalLong.empty(),
                        Optional.of("permission denied for table users (SQLSTATE 42501)")),
                new TableFacts("rooms", Optional.of("rooms"), OptionalLong.empty(), Optional.empty())), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void migrationsFailWhenTheDatabaseIsAheadOfTheCode() {
        assertThat(DbJudges.migrationsCurrent(withMigration(migration("1733000000004_reactions")), CONFIG).message())
                .isEqualTo("the database's newest migration is 1733000000004_reactions, the deployed code expects "
                        + "1733000000003_messages (the database is ahead of the code: a rollback left migrations "
                        + "applied)");
    }

    @Test
    void migrationsFailWhenTheirTableDoesNotExist() {
        Verdict verdict = DbJudges.migrationsCurrent(withMigration(new QueryResult(Optional.empty(),
                Optional.of(new SqlError("42P01", "relation \"pgmigrations\" does not exist")))), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).startsWith("the migrations table does not exist");
    }

    @Test
    void migrationsCannotVerifyWhenTheQueryFailsOtherwise() {
        assertThat(DbJudges.migrationsCurrent(withMigration(new QueryResult(Optional.empty(),
                Optional.of(new SqlError("42601", "syntax error")))), CONFIG).status()).isEqualTo(Status.INCONCLUSIVE);
    }

    @Test
    void migrationsFailWhenNoneIsRecorded() {
        assertThat(DbJudges.migrationsCurrent(withMigration(new QueryResult(Optional.empty(), Optional.empty())),
                CONFIG).message()).startsWith("no migration is recorded");
    }

    @Test
    void archivingFailsWhenTheLastSuccessIsOlderThanTheMaximumAge() {
        ArchiverFacts old = new ArchiverFacts("on", Optional.empty(), 12, Optional.of("00000001000000000000000C"),
                Optional.of(NOW.minus(Duration.ofHours(30))), 0, Optional.empty(), Optional.empty());

        assertThat(DbJudges.archiving(withArchiver(old), CONFIG).message()).contains("(30h ago), longer ago than "
                + "database.archiving.max-age (26h)");
    }

    @Test
    void archivingPassesAnOldFailureFollowedBySuccess() {
        ArchiverFacts recovered = new ArchiverFacts("on", Optional.empty(), 12, Optional.of("0000000100000000000000C"),
                Optional.of(NOW.minusSeconds(60)), 3, Optional.of("0000000100000000000000B"),
                Optional.of(NOW.minusSeconds(120)));

        assertThat(DbJudges.archiving(withArchiver(recovered), CONFIG).status()).isEqualTo(Status.PASS);
    }

    @Test
    void archivingWarnsWhenOffAndPassesUnjudgedWhenConfiguredSo() {
        ArchiverFacts off = new ArchiverFacts("off", Optional.empty(), 0, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty());
        DatabaseSettings d = settings(URL);
        EnvironmentConfig passWhenOff = config(new DatabaseSettings(d.url(), d.restoreDrill(), 15, d.outdatedMinor(),
                true, d.criticalTables(), d.migrations(), new ArchivingSettings(Duration.ofHours(26),
                ArchivingSettings.WhenOff.PASS)));

        assertThat(DbJudges.archiving(withArchiver(off), CONFIG).status()).isEqualTo(Status.WARN);
        assertThat(DbJudges.archiving(withArchiver(off), passWhenOff).message()).startsWith("not judged: WAL "
                + "archiving is off");
    }

    @Test
    void archivingFailsWhenOnButNothingWasEverArchived() {
        ArchiverFacts never = new ArchiverFacts("on", Optional.empty(), 0, Optional.empty(), Optional.empty(), 0,
                Optional.empty(), Optional.empty());

        assertThat(DbJudges.archiving(withArchiver(never), CONFIG).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void everyCheckFailsOnAnUnreachableDatabase() {
        PostgresObservation down = PostgresObservation.unreachable("db.example.com:5432/app",
                "connection refused by db.example.com:5432");

        assertThat(List.of(DbJudges.version(down, CONFIG), DbJudges.leastPrivilege(down, CONFIG),
                DbJudges.criticalTables(down, CONFIG), DbJudges.migrationsCurrent(down, CONFIG),
                DbJudges.archiving(down, CONFIG))).allSatisfy(v -> {
                    assertThat(v.status()).isEqualTo(Status.FAIL);
                    assertThat(v.message()).isEqualTo("cannot open a session with db.example.com:5432/app: "
                            + "connection refused by db.example.com:5432");
                });
    }

    @Test
    void tlsRequiredFailsWhenThePlaintextStartupIsLetIn() {
        Verdict verdict = DbJudges.tlsRequired(transport(new PlaintextAnswer(Kind.AUTHENTICATION_REQUESTED,
                "it let the client in without a password (trust)")), CONFIG);

        assertThat(verdict.status()).isEqualTo(Status.FAIL);
        assertThat(verdict.message()).startsWith("a plaintext login is accepted");
    }

    @Test
    void tlsRequiredWarnsWhenTheUrlAllowsAFallbackToPlaintext() {
        Verdict verdict = DbJudges.tlsRequired(transport(refused()),
                config(settings(URL.replace("verify-full", "prefer"))));

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.message()).startsWith("DATABASE_URL has sslmode=prefer, so the app may connect in "
                + "plaintext");
    }

    @Test
    void tlsRequiredPassesWithAVerifiedHandshakeARefusalAndVerifyFull() {
        assertThat(DbJudges.tlsRequired(transport(refused()), CONFIG).status()).isEqualTo(Status.PASS);
    }

    @Test
    void tlsRequiredFailsWhenTheHandshakeDoesNotVerify() {
        PostgresTransportObservation observed = new PostgresTransportObservation("db.example.com:5432/app", refused(),
                new TlsAnswer(Optional.empty(), Optional.of("TLS handshake failed: No subject alternative names")));

        assertThat(DbJudges.tlsRequired(observed, CONFIG).message()).startsWith("no verified TLS session with "
                + "db.example.com:5432/app: TLS handshake failed");
    }

    private static PlaintextAnswer refused() {
        return new PlaintextAnswer(Kind.REFUSED, "no pg_hba.conf entry (SQLSTATE 28000)");
    }

    private static PostgresTransportObservation transport(PlaintextAnswer plaintext) {
        return new PostgresTransportObservation("db.example.com:5432/app", plaintext,
                new TlsAnswer(Optional.of("TLSv1.3"), Optional.empty()));
    }

    private static DatabaseSettings forbiddingOwnership() {
        DatabaseSettings d = settings(URL);
        return new DatabaseSettings(d.url(), d.restoreDrill(), 15, d.outdatedMinor(), false, d.criticalTables(),
                d.migrations(), d.archiving());
    }
}
