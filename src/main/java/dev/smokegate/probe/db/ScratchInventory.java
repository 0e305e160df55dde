package dev.smokegate.probe.db;

import java.util.List;

/**
 * What a restore drill's scratch database holds before the drill writes anything.
 *
 * @param scratch        {@code host:port/database}
 * @param relations      tables, views and sequences already there, {@code schema.name}: the drill did not create them
 * @param sameAsSource   the scratch URL reaches the very database the source URL does (another name for the same
 *                       server: same postmaster start, port and database)
 */
public record ScratchInventory(String scratch, List<String> relations, boolean sameAsSource) {

    public ScratchInventory {
        relations = List.copyOf(relations);
    }
}
