package dev.smokegate.reference.services;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/** {@code SELECT 1} over TLS on a fresh connection, so an outage is seen at once rather than via a stale pool. */
public final class PostgresPing {

    private PostgresPing() {
    }

    /**
     * @param rootCaFile PEM of the only CA trusted; verify-full also checks the server name against the certificate
     * @return how long connect, handshake, SCRAM login and the query took
     */
    public static Duration selectOne(PostgresEndpoint endpoint, Path rootCaFile, ClientTimeouts timeouts)
            throws SQLException {
        return query(endpoint, rootCaFile, timeouts, "SELECT 1");
    }

    /**
     * Runs {@code sql}, which must return a row, as {@link #selectOne} does: how a backend that needs its data (not
     * only its server) checks its database.
     */
    public static Duration query(PostgresEndpoint endpoint, Path rootCaFile, ClientTimeouts timeouts, String sql)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password());
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("sslrootcert", rootCaFile.toString());
        properties.setProperty("connectTimeout", String.valueOf(timeouts.connect().toSeconds()));
        properties.setProperty("socketTimeout", String.valueOf(timeouts.socket().toSeconds()));
        // Bounds the whole login (TCP, TLS, SCRAM), which connectTimeout alone does not.
        properties.setProperty("loginTimeout", String.valueOf(timeouts.connect().plus(timeouts.socket()).toSeconds()));
        properties.setProperty("ApplicationName", "smokegate-reference-backend");
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), properties);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new SQLException(sql + " returned no row");
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
