package dev.smokegate.reference.db;

import dev.smokegate.reference.services.Commands;
import dev.smokegate.reference.services.NodeRuntime;
import dev.smokegate.reference.services.PostgresEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The reference app's schema and data, as a Node app on Railway keeps them: migrations applied by the real
 * node-pg-migrate (SQL files, recorded in {@value #MIGRATIONS_TABLE}) with the app's own {@code DATABASE_URL}, then
 * rows a few days of use would leave. The restore drill runs the same migrations against its scratch database.
 */
public final class AppSchema {

    /** The migration files, oldest first; {@code AppSchemaTest} holds this list to the resource directory. */
    public static final List<String> MIGRATIONS = List.of("1733000000001_users.sql", "1733000000002_rooms.sql",
            "1733000000003_messages.sql");
    public static final String MIGRATIONS_TABLE = "schema_migrations";
    /** The name node-pg-migrate records for the newest migration: the file name without its extension. */
    public static final String LATEST_MIGRATION = "1733000000003_messages";
    /** Rows seeded per table, in the order foreign keys need. */
    public static final Map<String, Integer> SEED_ROWS = seedRows();
    static final List<String> NODE_MODULES = List.of("node-pg-migrate", "pg");

    private static final Duration MIGRATE_TIMEOUT = Duration.ofSeconds(60);

    private AppSchema() {
    }

    /** Copies the migrations into {@code dir}/migrations (created); returns that directory. */
    public static Path extractMigrations(Path dir) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        for (String name : MIGRATIONS) {
            NodeRuntime.extractScript(AppSchema.class, "migrations/" + name, dir);
        }
        return migrations;
    }

    /**
     * {@code node-pg-migrate up} against {@code database} as its user, over TLS verified against {@code caFile}:
     * the command a deploy runs. The URL, password included, goes by environment, never on the command line.
     */
    public static void migrate(PostgresEndpoint database, Path caFile, Path workDir) throws IOException {
        NodeRuntime node = NodeRuntime.locate("the reference app's migrations", NODE_MODULES);
        Path migrations = extractMigrations(Files.createDirectories(workDir));
        ProcessBuilder command = new ProcessBuilder(node.node().toString(),
                node.nodeModules().resolve("node-pg-migrate/bin/node-pg-migrate.js").toString(), "up",
                "-m", migrations.toString(), "-t", MIGRATIONS_TABLE, "--no-verbose")
                .directory(workDir.toFile());
        command.environment().clear();
        command.environment().put("DATABASE_URL", database.databaseUrl());
        command.environment().put("NODE_EXTRA_CA_CERTS", caFile.toString());
        Commands.run("node-pg-migrate up", command, workDir.resolve("migrate.log"), MIGRATE_TIMEOUT);
    }

    /** Inserts {@link #SEED_ROWS} as the app user, in one transaction. */
    public static void seed(PostgresEndpoint database, Path caFile) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", caFile.toString());
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            connection.setAutoCommit(false);
            int users = SEED_ROWS.get("users");
            int rooms = SEED_ROWS.get("rooms");
            batch(connection, "INSERT INTO users (github_login) VALUES (?)", users,
                    (row, s) -> s.setString(1, "user-" + row));
            batch(connection, "INSERT INTO rooms (name, created_by) VALUES (?, ?)", rooms, (row, s) -> {
                s.setString(1, "room-" + row);
                s.setLong(2, 1 + row % users);
            });
            batch(connection, "INSERT INTO messages (room_id, user_id, body) VALUES (?, ?, ?)",
                    SEED_ROWS.get("messages"), (row, s) -> {
                        s.setLong(1, 1 + row % rooms);
                        s.setLong(2, 1 + row % users);
                        s.setString(3, "message " + row);
                    });
            connection.commit();
        }
    }

    /** The tables the app cannot work without, for the {@code db.*} checks' config. */
    public static List<String> criticalTables() {
        return new ArrayList<>(SEED_ROWS.keySet());
    }

    @FunctionalInterface
    private interface RowSetter {
        void set(int row, PreparedStatement statement) throws SQLException;
    }

    private static void batch(Connection connection, String sql, int rows, RowSetter setter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int row = 0; row < rows; row++) {
                setter.set(row, statement);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Map<String, Integer> seedRows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("users", 25);
        rows.put("rooms", 5);
        rows.put("messages", 200);
        return java.util.Collections.unmodifiableMap(rows);
    }
}
