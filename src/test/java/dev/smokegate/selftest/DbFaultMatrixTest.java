package dev.smokegate.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The proof that every db.* check (but the restore drill) can fail, on the reference deployment's real Postgres 15:
 * healthy, every check passes; per fault (a switched fault of the server, or a config expecting something else),
 * exactly the expected checks fail. And running them all changes nothing in the app's database.
 */
@ExternalProcesses
class DbFaultMatrixTest extends OnReferenceDeployment {

    private static final Selection DB_CHECKS = new Selection(Suite.FULL, DbFaultCase.CHECKS);

    @Test
    void healthyDatabasePassesEveryDbCheck() throws Exception {
        SuiteRun run = SuiteRun.of(config, DB_CHECKS);

        assertThat(run.withOutcome(Outcome.PASSED)).as("every db.* check passes: " + run.report().results())
                .containsOnlyKeys(DbFaultCase.CHECKS);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("dev.smokegate.selftest.DbFaultCase#ALL")
    void faultFailsExactlyItsChecks(DbFaultCase fault) throws Exception {
        fault.fault().ifPresent(deployment::inject);

        SuiteRun run = SuiteRun.of(fault.applyTo(config), DB_CHECKS);
        Map<String, String> failed = run.withOutcome(Outcome.FAILED);

        assertThat(run.withOutcome(Outcome.BROKEN)).as("broken checks").isEmpty();
        assertThat(run.withOutcome(Outcome.SKIPPED)).as("skipped checks").isEmpty();
        assertThat(failed.keySet()).as("failing checks: " + failed)
                .containsExactlyInAnyOrderElementsOf(fault.failing().keySet());
        assertThat(run.warned().keySet()).as("warning checks: " + run.warned())
                .containsExactlyInAnyOrderElementsOf(fault.warning());
        fault.failing().forEach((id, fragment) -> assertThat(failed.get(id)).as(id).contains(fragment));
    }

    @Test
    void runningEveryDbCheckLeavesTheAppDatabaseUnchanged() throws Exception {
        DatabaseState before = DatabaseState.read(appSession());

        SuiteRun run = SuiteRun.of(config, DB_CHECKS);

        assertThat(run.withOutcome(Outcome.PASSED)).containsOnlyKeys(DbFaultCase.CHECKS);
        assertThat(DatabaseState.read(appSession())).isEqualTo(before);
    }

    /** The proof the comparison above can fail: a write that leaves no row behind still changes the state. */
    @Test
    void databaseStateNoticesAWriteThatLeavesNoRowBehind() throws Exception {
        DatabaseState before = DatabaseState.read(appSession());
        try (Connection connection = appSession(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (github_login) VALUES ('smokegate-probe-write')");
            statement.execute("DELETE FROM users WHERE github_login = 'smokegate-probe-write'");
        }

        DatabaseState after = DatabaseState.read(appSession());

        assertThat(after.tableDigests()).isEqualTo(before.tableDigests());
        assertThat(after).isNotEqualTo(before);
    }

    private Connection appSession() throws SQLException {
        PostgresUrl url = PostgresUrl.parse(deployment.environment().get("DATABASE_URL"));
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", deployment.caCertificateFile().toString());
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /**
     * What a write would change: the database's row counters (after the checks' sessions have ended and flushed their
     * statistics), a digest of every table's rows, and the schema.
     */
    record DatabaseState(long inserted, long updated, long deleted, List<String> tableDigests, String schemaDigest) {

        static DatabaseState read(Connection connection) throws Exception {
            try (connection; Statement statement = connection.createStatement()) {
                awaitOtherSessionsGone(statement);
                long[] counters = new long[3];
                try (ResultSet row = statement.executeQuery("SELECT tup_inserted, tup_updated, tup_deleted "
                        + "FROM pg_stat_database WHERE datname = current_database()")) {
                    row.next();
                    for (int i = 0; i < 3; i++) {
                        counters[i] = row.getLong(i + 1);
                    }
                }
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT quote_ident(tablename) FROM pg_tables "
                        + "WHERE schemaname = 'public' ORDER BY tablename")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                List<String> digests = new ArrayList<>();
                for (String table : tables) {
                    try (ResultSet row = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, "
                            + "',' ORDER BY t::text), '')) FROM " + table + " t")) {
                        row.next();
                        digests.add(table + ": " + row.getLong(1) + " rows, " + row.getString(2));
                    }
                }
                String schema;
                try (ResultSet row = statement.executeQuery("SELECT md5(string_agg(table_name || '.' || column_name "
                        + "|| ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, ''), ',' "
                        + "ORDER BY table_name, ordinal_position)) FROM information_schema.columns "
                        + "WHERE table_schema = 'public'")) {
                    row.next();
                    schema = row.getString(1);
                }
                assertThat(tables).as("the app's tables").contains("users", "rooms", "messages");
                return new DatabaseState(counters[0], counters[1], counters[2], digests, schema);
            }
        }

        /** A session's statistics reach pg_stat_database when it ends; wait until smokegate's sessions have. */
        private static void awaitOtherSessionsGone(Statement statement) throws Exception {
            for (int attempt = 0; attempt < 50; attempt++) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        statement.execute("SELECT pg_stat_force_next_flush()");
                        return;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("other sessions stayed connected to the app database");
        }
    }
}
