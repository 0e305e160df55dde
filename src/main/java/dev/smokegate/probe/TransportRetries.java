package dev.smokegate.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one retry rule of every probe: an attempt that failed with a {@link TransportError} (before any answer) is
 * tried again, up to {@code timeouts.transport-retries} times, while {@code mayRetry} allows it (the address has
 * not timed out in this run, the request's cap has not expired). A retry that meets the same error again confirms
 * it; one that comes out differently is recorded, for {@link Retried}.
 */
public final class TransportRetries {

    /** One attempt's result, as the rule sees it. */
    public interface Attempt {
        /** The transport error to retry, when the attempt failed with one before any answer. */
        Optional<TransportError> retryable();
    }

    /**
     * @param last      the last attempt's result, which the observation reports
     * @param retried   the errors whose retry came out differently, in order
     * @param seenAgain the last attempt repeated its predecessor's error: the failure is the target's steady answer
     */
    public record Tried<T>(T last, List<TransportError> retried, boolean seenAgain) {

        public Tried {
            retried = List.copyOf(retried);
        }

        /** {@code failure}, saying so when the retry met it again. */
        public String describe(String failure) {
            return seenAgain ? failure + " (again on retry)" : failure;
        }
    }

    private TransportRetries() {
    }

    public static <T extends Attempt> Tried<T> run(int retries, BooleanSupplier mayRetry, Supplier<T> attempt) {
        T last = attempt.get();
        List<TransportError> retried = new ArrayList<>();
        boolean seenAgain = false;
        for (int left = retries; left > 0 && last.retryable().isPresent() && mayRetry.getAsBoolean(); left--) {
            TransportError error = last.retryable().get();
            last = attempt.get();
            seenAgain = last.retryable().equals(Optional.of(error));
            if (!seenAgain) {
                retried.add(error);
            }
        }
        return new Tried<>(last, retried, seenAgain);
    }
}
