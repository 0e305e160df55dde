package dev.smokegate.reference;

import dev.smokegate.reference.services.PostgresServer;
import java.io.IOException;
import java.util.Set;

/**
 * The faults that change the reference Postgres itself, as an operator's mistake would: pg_hba.conf, the app role's
 * attributes, a renamed table, a broken archive_command. Each is switched on by SQL or a reload and undone the same
 * way, so a healed server is exactly as {@link PostgresServer#create} left it.
 */
final class PostgresFaults {

    /** Where CRITICAL_TABLE_MISSING moves the messages table; the name says what happened to it. */
    private static final String MOVED_TABLE = "messages_moved_away";
    /** A failure (or a success after one) is in pg_stat_archiver within milliseconds; this is the ceiling. */
    private static final int ARCHIVER_POLLS = 80;

    private final PostgresServer postgres;

    PostgresFaults(PostgresServer postgres) {
        this.postgres = postgres;
    }

    void inject(Fault fault) throws IOException {
        String app = postgres.endpoint().user();
        switch (fault) {
            case POSTGRES_ACCEPTS_PLAINTEXT -> postgres.acceptPlaintextLogins(true);
            case APP_USER_SUPERUSER -> superuser("make the app user a superuser", "ALTER ROLE " + app + " SUPERUSER;");
            case APP_USER_CREATEROLE -> superuser("give the app user CREATEROLE", "ALTER ROLE " + app + " CREATEROLE;");
            case CRITICAL_TABLE_MISSING -> postgres.runAsSuperuser("move the messages table away",
                    postgres.endpoint().database(), "ALTER TABLE messages RENAME TO " + MOVED_TABLE + ";");
            case ARCHIVING_FAILING -> {
                superuser("make archive_command fail", "ALTER SYSTEM SET archive_command = 'false';\n"
                        + "SELECT pg_reload_conf();\n");
                // A fresh segment to archive; the archiver tries it at once and fails.
                superuser("switch WAL and wait for the archiver to fail", "CREATE TEMP TABLE t AS SELECT 1;\n"
                        + "SELECT pg_switch_wal();\n" + awaitArchiver("last_failed_time IS NOT NULL AND "
                        + "(last_archived_time IS NULL OR last_failed_time > last_archived_time)"));
            }
            default -> throw new IllegalArgumentException("not a Postgres fault: " + fault);
        }
    }

    /** Undoes every fault of {@code faults} that is a Postgres fault; the server must be running. */
    void heal(Set<Fault> faults) throws IOException {
        String app = postgres.endpoint().user();
        if (faults.contains(Fault.POSTGRES_ACCEPTS_PLAINTEXT)) {
            postgres.acceptPlaintextLogins(false);
        }
        if (faults.contains(Fault.APP_USER_SUPERUSER)) {
            superuser("take superuser from the app user", "ALTER ROLE " + app + " NOSUPERUSER;");
        }
        if (faults.contains(Fault.APP_USER_CREATEROLE)) {
            superuser("take CREATEROLE from the app user", "ALTER ROLE " + app + " NOCREATEROLE;");
        }
        if (faults.contains(Fault.CRITICAL_TABLE_MISSING)) {
            postgres.runAsSuperuser("move the messages table back", postgres.endpoint().database(),
                    "ALTER TABLE " + MOVED_TABLE + " RENAME TO messages;");
        }
        if (faults.contains(Fault.ARCHIVING_FAILING)) {
            // The reload wakes the archiver, which retries the failed segment with the restored command.
            superuser("restore archive_command and wait for the archiver to catch up",
                    "ALTER SYSTEM RESET archive_command;\nSELECT pg_reload_conf();\n"
                            + awaitArchiver("last_archived_time IS NOT NULL AND (last_failed_time IS NULL OR "
                            + "last_archived_time > last_failed_time)"));
        }
    }

    private void superuser(String what, String sql) throws IOException {
        postgres.runAsSuperuser(what, "postgres", sql);
    }

    /** A statement that returns once pg_stat_archiver satisfies {@code condition}, or fails after the ceiling. */
    private static String awaitArchiver(String condition) {
        return "DO $$ BEGIN\n"
                + "  FOR i IN 1.." + ARCHIVER_POLLS + " LOOP\n"
                + "    PERFORM pg_stat_clear_snapshot();\n"
                + "    IF (SELECT " + condition + " FROM pg_stat_archiver) THEN RETURN; END IF;\n"
                + "    PERFORM pg_sleep(0.1);\n"
                + "  END LOOP;\n"
                + "  RAISE EXCEPTION 'pg_stat_archiver never showed: %', '" + condition.replace("'", "''") + "';\n"
                + "END $$;\n";
    }
}
