package dev.smokegate.probe.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The raw facts of one session: the server's version, the session user's privileges, the critical tables, the
 * newest recorded migration and the WAL archiver's statistics, read in one go.
 *
 * @param serverTime the server's {@code now()} when the session started: what archive ages are measured against
 */
public record PostgresFacts(ServerVersion version, RolePrivileges role, List<TableFacts> tables,
                            Optional<QueryResult> migration, ArchiverFacts archiver, Instant serverTime) {

    public PostgresFacts {
        tables = List.copyOf(tables);
    }

    /** {@code server_version_num} and {@code server_version} as the server reports them. */
    public record ServerVersion(int number, String text) {

        /** The major version: 15 for 150004 (Postgres 10 and later number majors by the first part). */
        public int major() {
            return number >= 100_000 ? number / 10_000 : number / 100;
        }

        /** The minor release within the major: 4 for 150004. */
        public int minor() {
            return number >= 100_000 ? number % 10_000 : number % 100;
        }
    }

    /**
     * The session user's role attributes and memberships.
     *
     * @param powerfulMemberships built-in roles of the watched list the user is a member of, directly or not
     * @param superuserMemberships superuser roles the user is a member of (and so can SET ROLE to)
     * @param databaseOwner        the role that owns the session's database
     */
    public record RolePrivileges(String user, boolean superuser, boolean createRole, boolean createDb,
                                 boolean replication, boolean bypassRls, List<String> powerfulMemberships,
                                 List<String> superuserMemberships, String databaseOwner) {

        public RolePrivileges {
            powerfulMemberships = List.copyOf(powerfulMemberships);
            superuserMemberships = List.copyOf(superuserMemberships);
        }

        public boolean ownsDatabase() {
            return user.equals(databaseOwner);
        }
    }

    /**
     * One configured critical table: the relation the name resolved to ({@code to_regclass}), if any; and when a
     * minimum was configured, the rows counted up to it, or why they could not be counted.
     */
    public record TableFacts(String name, Optional<String> relation, OptionalLong rowsUpToMinimum,
                             Optional<String> countError) {
    }

    /** The first column of the first row of a query, none when it returned no row, or the server's error. */
    public record QueryResult(Optional<String> value, Optional<SqlError> error) {
    }

    /** An error the server answered with: its SQLSTATE and message. */
    public record SqlError(String sqlState, String message) {

        /** 42P01: the relation does not exist. */
        public boolean undefinedTable() {
            return "42P01".equals(sqlState);
        }

        @Override
        public String toString() {
            return message + " (SQLSTATE " + sqlState + ")";
        }
    }

    /**
     * {@code archive_mode} and {@code pg_stat_archiver}; {@code unreadable} says why the statistics could not be read.
     */
    public record ArchiverFacts(String archiveMode, Optional<SqlError> unreadable, long archivedCount,
                                Optional<String> lastArchivedWal, Optional<Instant> lastArchivedTime, long failedCount,
                                Optional<String> lastFailedWal, Optional<Instant> lastFailedTime) {
    }
}
