package dev.smokegate.reference;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The faults currently on. Request handlers read it per request, so a switch takes effect without a restart. */
final class FaultSwitches {

    private final Set<Fault> on = ConcurrentHashMap.newKeySet();

    boolean isOn(Fault fault) {
        return on.contains(fault);
    }

    void switchOn(Fault fault) {
        on.add(fault);
    }

    void switchAllOff() {
        on.clear();
    }

    Set<Fault> snapshot() {
        return on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
    }
}
