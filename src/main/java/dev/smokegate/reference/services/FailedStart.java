package dev.smokegate.reference.services;

import java.io.IOException;

/** Cleanup after a start that failed half way. */
final class FailedStart {

    private FailedStart() {
    }

    /** Stops what the failed start left running, without letting a second failure hide the first. */
    static void cleanUp(ManagedService service, Exception startFailure) {
        try {
            service.close();
        } catch (IOException | RuntimeException closeFailure) {
            startFailure.addSuppressed(closeFailure);
        }
    }
}
