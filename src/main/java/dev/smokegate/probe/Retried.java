package dev.smokegate.probe;

import java.util.List;

/**
 * An observation that can say which of its transport attempts needed a retry: each one failed with a
 * {@link TransportError} before any answer and, tried again, came out differently (an answer, or another error).
 * A retry that met the same error again is the target's steady answer, not a flaky network, and is not listed; the
 * failure's text says it was seen twice. The engine, not each check, turns a pass judged on a retried observation
 * into a visible "flaky" warning and mentions the retry on any other outcome, so checks stay pure.
 */
public interface Retried {

    /** The errors that were retried, in the order they happened; empty when no attempt needed a retry. */
    List<TransportError> retries();
}
