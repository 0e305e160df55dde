package dev.smokegate.reference.services;

/** How the backend reaches the reference Postgres over TLS; {@link #toString()} leaves the password out. */
public record PostgresEndpoint(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
