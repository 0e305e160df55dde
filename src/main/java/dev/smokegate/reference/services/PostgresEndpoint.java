package dev.smokegate.reference.services;

/** How the backend reaches the reference Postgres over TLS; {@link #toString()} leaves the password out. */
public record PostgresEndpoint(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The URL an app's {@code DATABASE_URL} holds: {@code postgres://user:password@host:port/database}, with
     * {@code sslmode=verify-full} because the reference serves TLS only.
     */
    public String databaseUrl() {
        return "postgres://" + user + ":" + password + "@" + host + ":" + port + "/" + database
                + "?sslmode=verify-full";
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
