package dev.smokegate.check.db;

import dev.smokegate.check.Check;
import java.util.List;

/** The db.* checks that reach Postgres directly, except the restore drill, in report order. */
public final class DbChecks {

    private DbChecks() {
    }

    public static List<Check<?>> all() {
        return List.of();
    }
}
