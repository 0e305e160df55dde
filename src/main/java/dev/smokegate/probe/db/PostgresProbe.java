package dev.smokegate.probe.db;

import dev.smokegate.config.CriticalTable;
import dev.smokegate.config.DatabaseSettings;
import dev.smokegate.config.MigrationSettings;
import dev.smokegate.config.PostgresUrl;
import dev.smokegate.probe.FailureText;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.db.PostgresFacts.ArchiverFacts;
import dev.smokegate.probe.db.PostgresFacts.QueryResult;
import dev.smokegate.probe.db.PostgresFacts.RolePrivileges;
import dev.smokegate.probe.db.PostgresFacts.ServerVersion;
import dev.smokegate.probe.db.PostgresFacts.SqlError;
import dev.smokegate.probe.db.PostgresFacts.TableFacts;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads everything the {@code db.*} checks judge in one read-only session ({@link PostgresSessions#readOnly}): catalogue
 * views, settings, bounded counts and the configured migrations query, never a write. A session that cannot open is
 * an observation (the database is down or refuses us); a catalogue query that fails is not, and throws.
 */
final class PostgresProbe {

    /**
     * Built-in roles whose members reach beyond their own tables: server files and programs (as good as superuser),
     * every table regardless of grants, and signalling other sessions (a web app never needs to cancel or terminate
     * someone else's backend; a compromised one could end the migrations or an administrator's session).
     */
    static final List<String> POWERFUL_ROLES = List.of("pg_read_server_files", "pg_write_server_files",
            "pg_execute_server_program", "pg_read_all_data", "pg_write_all_data", "pg_signal_backend");

    private PostgresProbe() {
    }

    static PostgresObservation observe(PostgresUrl url, DatabaseSettings settings, ProbeContext context)
            throws SQLException {
        Connection connection;
        try {
            connection = PostgresSessions.readOnly(url, context.trust(), context.config().timeouts(), "db checks");
        } catch (SQLException e) {
            return PostgresObservation.unreachable(url.display(), whyNoSession(e, url, context));
        }
        try (connection) {
            return PostgresObservation.of(url.display(), facts(connection, settings));
        }
    }

    private static PostgresFacts facts(Connection connection, DatabaseSettings settings) throws SQLException {
        ServerVersion version;
        Instant now;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version_num')::int, "
                     + "current_setting('server_version'), now()")) {
            row.next();
            version = new ServerVersion(row.getInt(1), row.getString(2));
            now = row.getTimestamp(3).toInstant();
        }
        return new PostgresFacts(version, role(connection), tables(connection, settings.criticalTables()),
                settings.migrations().map(m -> firstValue(connection, m)), archiver(connection), now);
    }

    private static RolePrivileges role(Connection connection) throws SQLException {
        String sql = "SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, "
                + "r.rolbypassrls, pg_get_userbyid(d.datdba), "
                + "ARRAY(SELECT p.rolname FROM pg_roles p WHERE p.rolname = ANY(?) "
                + "AND pg_has_role(r.oid, p.oid, 'MEMBER') ORDER BY p.rolname), "
                + "ARRAY(SELECT s.rolname FROM pg_roles s WHERE s.rolsuper AND s.oid <> r.oid "
                + "AND pg_has_role(r.oid, s.oid, 'MEMBER') ORDER BY s.rolname) "
                + "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", POWERFUL_ROLES.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new RolePrivileges(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4),
                        row.getBoolean(5), row.getBoolean(6), strings(row.getArray(8)), strings(row.getArray(9)),
                        row.getString(7));
            }
        }
    }

    private static List<TableFacts> tables(Connection connection, List<CriticalTable> tables) throws SQLException {
        List<TableFacts> facts = new ArrayList<>();
        for (CriticalTable table : tables) {
            Optional<String> relation;
            try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)::text")) {
                statement.setString(1, table.name());
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    relation = Optional.ofNullable(row.getString(1));
                }
            }
            if (relation.isEmpty() || table.minimumRows().isEmpty()) {
                facts.add(new TableFacts(table.name(), relation, OptionalLong.empty(), Optional.empty()));
                continue;
            }
            // The name comes back from to_regclass quoted as SQL needs it; LIMIT bounds the work on a big table.
            String count = "SELECT count(*) FROM (SELECT 1 FROM " + relation.get() + " LIMIT "
                    + table.minimumRows().getAsLong() + ") s";
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(count)) {
                row.next();
                facts.add(new TableFacts(table.name(), relation, OptionalLong.of(row.getLong(1)), Optional.empty()));
            } catch (SQLException e) {
                facts.add(new TableFacts(table.name(), relation, OptionalLong.empty(),
                        Optional.of(sqlError(e).toString())));
            }
        }
        return facts;
    }

    private static QueryResult firstValue(Connection connection, MigrationSettings migrations) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(migrations.query())) {
            return new QueryResult(row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty(),
                    Optional.empty());
        } catch (SQLException e) {
            return new QueryResult(Optional.empty(), Optional.of(sqlError(e)));
        }
    }

    private static ArchiverFacts archiver(Connection connection) throws SQLException {
        String mode;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('archive_mode')")) {
            row.next();
            mode = row.getString(1);
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT archived_count, last_archived_wal, last_archived_time, "
                     + "failed_count, last_failed_wal, last_failed_time FROM pg_stat_archiver")) {
            row.next();
            return new ArchiverFacts(mode, Optional.empty(), row.getLong(1), Optional.ofNullable(row.getString(2)),
                    instant(row.getTimestamp(3)), row.getLong(4), Optional.ofNullable(row.getString(5)),
                    instant(row.getTimestamp(6)));
        } catch (SQLException e) {
            return new ArchiverFacts(mode, Optional.of(sqlError(e)), 0, Optional.empty(), Optional.empty(), 0,
                    Optional.empty(), Optional.empty());
        }
    }

    private static String whyNoSession(SQLException e, PostgresUrl url, ProbeContext context) {
        String address = url.host() + ":" + url.port();
        if (FailureText.find(e, ConnectException.class).isPresent()) {
            return "connection refused by " + address;
        }
        if (FailureText.find(e, SocketTimeoutException.class).isPresent()) {
            return "no answer from " + address + " within " + context.config().timeouts().read().toMillis() + " ms";
        }
        return FailureText.withoutClassNames(e.getMessage());
    }

    private static SqlError sqlError(SQLException e) {
        return new SqlError(Optional.ofNullable(e.getSQLState()).orElse("unknown"),
                FailureText.withoutClassNames(e.getMessage()).lines().findFirst().orElse("")
                        .replaceFirst("^ERROR:\\s*", ""));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
