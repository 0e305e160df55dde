package dev.smokegate.reference;

import java.util.Collections;
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

    /** In declaration order, so reports and messages list faults the same way every time. */
    Set<Fault> snapshot() {
        EnumSet<Fault> copy = EnumSet.noneOf(Fault.class);
        copy.addAll(on);
        return Collections.unmodifiableSet(copy);
    }
}
