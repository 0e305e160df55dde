package dev.smokegate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    private static final String APP = "frontend: {url: https://app.example.com}\nbackend: {url: https://api.example.com}\n";

    @TempDir
    Path dir;

    private DatabaseSettings load(String database, Map<String, String> environment) throws Exception {
        return ConfigFiles.load(dir, APP + database, environment).database();
    }

    @Test
    void defaultsExpectPostgres15AndJudgeArchivingByADayAndAHalf() throws Exception {
        DatabaseSettings database = load("database:\n  url: ${DATABASE_URL}\n",
                Map.of("DATABASE_URL", "postgres://app:pw@db.example.com/app?sslmode=verify-full"));

        assertThat(database.majorVersion()).isEqualTo(15);
        assertThat(database.outdatedMinor()).isEqualTo(DatabaseSettings.OutdatedMinor.WARN);
        assertThat(database.appMayOwnDatabase()).isTrue();
        assertThat(database.criticalTables()).isEmpty();
        assertThat(database.migrations()).isEmpty();
        assertThat(database.archiving()).isEqualTo(new ArchivingSettings(Duration.ofHours(26),
                ArchivingSettings.WhenOff.WARN));
    }

    @Test
    void readsCriticalTablesAsAMappingToMinimumRows() throws Exception {
        DatabaseSettings database = load("database:\n  critical-tables: {users: 25, public.messages: 0}\n",
                Map.of());

        assertThat(database.criticalTables()).containsExactly(new CriticalTable("users", OptionalLong.of(25)),
                new CriticalTable("public.messages", OptionalLong.of(0)));
    }

    @Test
    void readsCriticalTablesAsAListWithoutMinimums() throws Exception {
        DatabaseSettings database = load("database:\n  critical-tables: [users, rooms]\n", Map.of());

        assertThat(database.criticalTables()).extracting(CriticalTable::name).containsExactly("users", "rooms");
        assertThat(database.criticalTables()).allSatisfy(t -> assertThat(t.minimumRows()).isEmpty());
    }

    @Test
    void migrationsDefaultToNodePgMigratesTable() throws Exception {
        DatabaseSettings database = load("database:\n  migrations: {expected: 1733000000003_messages}\n", Map.of());

        assertThat(database.migrations().orElseThrow().query())
                .isEqualTo("SELECT name FROM pgmigrations ORDER BY run_on DESC, id DESC LIMIT 1");
        assertThat(database.migrations().orElseThrow().expected().value()).isEqualTo("1733000000003_messages");
    }

    @Test
    void migrationsToolAndTablePickTheQuery() throws Exception {
        assertThat(load("database:\n  migrations: {tool: prisma, expected: x}\n", Map.of()).migrations()
                .orElseThrow().query()).startsWith("SELECT migration_name FROM _prisma_migrations WHERE finished_at");
        assertThat(load("database:\n  migrations: {tool: rails, table: app.schema_migrations, expected: x}\n",
                Map.of()).migrations().orElseThrow().query())
                .isEqualTo("SELECT version FROM app.schema_migrations ORDER BY version DESC LIMIT 1");
    }

    @Test
    void expectedMigrationMayComeFromTheEnvironment() throws Exception {
        DatabaseSettings database = load("database:\n  migrations: {expected: \"${EXPECTED_MIGRATION}\"}\n",
                Map.of("EXPECTED_MIGRATION", "20240101_init"));

        assertThat(database.migrations().orElseThrow().expected().value()).isEqualTo("20240101_init");
    }

    @Test
    void failsWhenTheReferencedUrlIsNotAPostgresUrlWithoutRepeatingIt() throws Exception {
        ConfigException problem = catchThrowableOfType(() -> load("database:\n  url: ${DATABASE_URL}\n",
                Map.of("DATABASE_URL", "mysql://app:s3cret@db/app")), ConfigException.class);

        assertThat(problem.problems()).singleElement().asString()
                .endsWith("database.url: expected a postgres:// or postgresql:// URL, found scheme mysql://")
                .doesNotContain("s3cret");
    }

    @Test
    void shippedProductionExampleDescribesEveryDatabaseKey() throws Exception {
        String example = Files.readString(Path.of("suites/production.example.yaml"));

        assertThat(example).contains(List.of("major-version:", "outdated-minor:", "app-owns-database:",
                "critical-tables:", "migrations:", "expected:", "archiving:", "max-age:", "when-off:"));
    }
}
