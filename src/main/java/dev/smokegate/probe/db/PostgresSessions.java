package dev.smokegate.probe.db;

import dev.smokegate.config.PostgresUrl;
import dev.smokegate.config.Timeouts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * Opens smokegate's own Postgres sessions: TLS with full verification against the run's trust (credentials never go
 * over plaintext or to an unverified server), bounded by the run's timeouts, and, unless a caller must write (only
 * the restore drill, in its scratch database), read-only with short statement and lock timeouts, so a check can
 * neither change production data nor queue behind the app's locks.
 */
public final class PostgresSessions {

    /** A check's query reads catalogue views and counts; anything slower is not a smoke test's business. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

    private PostgresSessions() {
    }

    /** A read-only session: {@code default_transaction_read_only}, statement and lock timeouts set at login. */
    public static Connection readOnly(PostgresUrl url, SSLContext trust, Timeouts timeouts, String purpose)
            throws SQLException {
        return open(url, trust, timeouts, purpose, "-c default_transaction_read_only=on -c statement_timeout="
                + STATEMENT_TIMEOUT.toMillis() + " -c lock_timeout=" + LOCK_TIMEOUT.toMillis());
    }

    /** A session that may write, for the scratch database of a restore drill only. */
    public static Connection writable(PostgresUrl url, SSLContext trust, Timeouts timeouts, String purpose)
            throws SQLException {
        return open(url, trust, timeouts, purpose, "-c lock_timeout=" + LOCK_TIMEOUT.toMillis());
    }

    private static Connection open(PostgresUrl url, SSLContext trust, Timeouts timeouts, String purpose,
                                   String options) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
        properties.setProperty("sslmode", "verify-full");
        properties.setProperty("options", options);
        properties.setProperty("connectTimeout", String.valueOf(seconds(timeouts.connect())));
        properties.setProperty("socketTimeout", String.valueOf(seconds(timeouts.read())));
        // Bounds the whole login (TCP, TLS, SCRAM), which connectTimeout alone does not.
        properties.setProperty("loginTimeout", String.valueOf(seconds(timeouts.connect().plus(timeouts.read()))));
        properties.setProperty("ApplicationName", "smokegate " + purpose);
        try (RunTrustSslFactory.Registration ignored = RunTrustSslFactory.register(trust, properties)) {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        }
    }

    /** pgjdbc takes whole seconds, and 0 means "no timeout": never round a short timeout down to that. */
    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
