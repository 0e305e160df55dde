package dev.smokegate.cli;

import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Where requests to stop a run come from. The process takes SIGTERM (Jenkins' timeout and abort, {@code kill}) and
 * SIGINT (Ctrl-C) as such requests instead of dying at once, so that an interrupted run still leaves a report; an
 * in-process run, such as a self-test's, leaves its JVM's signals alone.
 */
@FunctionalInterface
interface StopSignals {

    StopSignals NONE = stop -> {
    };

    /** From now on, passes the name of every stop request (SIGTERM, SIGINT) to {@code stop}, on a thread of its own. */
    void forward(Consumer<String> stop);

    /**
     * SIGTERM and SIGINT for the rest of the process: the JVM no longer exits on them by itself, so the run that
     * listens must end and exit. Java has no public API for this; {@code sun.misc.Signal} (module jdk.unsupported)
     * is the one the JDK keeps for it.
     */
    static StopSignals ofProcess() {
        return stop -> {
            for (String name : List.of("TERM", "INT")) {
                try {
                    Signal.handle(new Signal(name), signal -> stop.accept("SIG" + signal.getName()));
                } catch (IllegalArgumentException reservedByTheJvm) {
                    // e.g. under -Xrs: this signal keeps its default and ends the JVM at once, without a report
                }
            }
        };
    }
}
