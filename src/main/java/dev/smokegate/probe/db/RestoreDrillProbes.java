package dev.smokegate.probe.db;

import dev.smokegate.probe.ProbeRequest;

/** The restore drill's probes: the drill itself, and the look at the scratch that precedes every run of it. */
public final class RestoreDrillProbes {

    private RestoreDrillProbes() {
    }

    /** @param label how progress lines name the drill on the console, e.g. its check id */
    public static ProbeRequest<RestoreDrillObservation> drill(String label) {
        return new ProbeRequest<>("restore-drill", context -> RestoreDrill.run(context, label));
    }

    /** Reads, and writes nothing: what the scratch holds and whether it is the source under another name. */
    public static ProbeRequest<ScratchInventory> inventory() {
        return new ProbeRequest<>("restore-drill.inventory", RestoreDrill::inventory);
    }
}
