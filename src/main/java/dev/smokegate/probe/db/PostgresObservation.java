package dev.smokegate.probe.db;

import java.util.Optional;

/**
 * What one read-only session with the app's own credentials saw of a database, or why no session opened
 * ({@code unreachable}: connection refused, TLS verification failed, login refused). Every {@code db.*} check but
 * the plaintext attempt judges this one observation.
 *
 * @param database the database as reports name it, {@code host:port/database}
 */
public record PostgresObservation(String database, Optional<String> unreachable, Optional<PostgresFacts> facts) {

    public static PostgresObservation unreachable(String database, String why) {
        return new PostgresObservation(database, Optional.of(why), Optional.empty());
    }

    public static PostgresObservation of(String database, PostgresFacts facts) {
        return new PostgresObservation(database, Optional.empty(), Optional.of(facts));
    }
}
