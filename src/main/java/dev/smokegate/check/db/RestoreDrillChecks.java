package dev.smokegate.check.db;

import dev.smokegate.check.Check;
import java.util.List;

/** The db.restore-drill: the nightly backup-to-scratch restore with measured recovery time, in report order. */
public final class RestoreDrillChecks {

    private RestoreDrillChecks() {
    }

    public static List<Check<?>> all() {
        return List.of(new RestoreDrillCheck());
    }
}
