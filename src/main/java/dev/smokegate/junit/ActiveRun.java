package dev.smokegate.junit;

import dev.smokegate.engine.RunSession;
import java.util.Optional;

/**
 * Hands the run that the front door opened to the JUnit test factory. JUnit instantiates test classes itself, so
 * the session cannot be passed in; one run is active per JVM at a time.
 */
public final class ActiveRun {

    private static volatile RunSession session;

    private ActiveRun() {
    }

    public static void set(RunSession active) {
        session = active;
    }

    public static void clear() {
        session = null;
    }

    static Optional<RunSession> get() {
        return Optional.ofNullable(session);
    }
}
