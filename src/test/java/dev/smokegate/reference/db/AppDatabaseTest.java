package dev.smokegate.reference.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.reference.ReferenceDeployment;
import dev.smokegate.reference.services.PostgresEndpoint;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference deployment's Postgres as the db.* checks and the restore drill find it. */
@ExternalProcesses
class AppDatabaseTest {

    private static ReferenceDeployment deployment;

    @BeforeAll
    static void start() throws Exception {
        deployment = ReferenceDeployment.start();
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void appDatabaseHoldsEveryMigrationAndTheSeededRows() throws SQLException {
        try (Connection app = connect("DATABASE_URL"); Statement statement = app.createStatement()) {
            assertThat(single(statement, "SELECT max(name) FROM " + AppSchema.MIGRATIONS_TABLE))
                    .isEqualTo(AppSchema.LATEST_MIGRATION);
            AppSchema.SEED_ROWS.forEach((table, rows) -> assertThat(count(statement, table)).as(table)
                    .isEqualTo(rows));
        }
    }

    @Test
    void walArchivingHasSucceededAndNeverFailed() throws Exception {
        try (Connection app = connect("DATABASE_URL"); Statement statement = app.createStatement()) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Long.parseLong(single(statement, "SELECT archived_count FROM pg_stat_archiver")) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(single(statement, "SELECT archived_count > 0 AND failed_count = 0 FROM pg_stat_archiver"))
                    .isEqualTo("t");
        }
    }

    @Test
    void scratchDatabaseIsEmptyAndBelongsToTheRestoreUser() throws SQLException {
        try (Connection scratch = connect("RESTORE_DATABASE_URL"); Statement statement = scratch.createStatement()) {
            assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
            assertThat(single(statement, "SELECT pg_get_userbyid(datdba) = current_user FROM pg_database "
                    + "WHERE datname = current_database()")).isEqualTo("t");
        }
    }

    private static Connection connect(String variable) throws SQLException {
        URI url = URI.create(deployment.environment().get(variable));
        String[] userInfo = url.getUserInfo().split(":", 2);
        Properties properties = new Properties();
        properties.setProperty("user", userInfo[0]);
        properties.setProperty("password", userInfo[1]);
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", deployment.caCertificateFile().toString());
        return DriverManager.getConnection(new PostgresEndpoint(url.getHost(), url.getPort(),
                url.getPath().substring(1), userInfo[0], userInfo[1]).jdbcUrl(), properties);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static int count(Statement statement, String table) {
        try {
            return Integer.parseInt(single(statement, "SELECT count(*) FROM " + table));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
