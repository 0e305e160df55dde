package dev.smokegate.probe;

/**
 * Talks to the target once and returns an immutable observation of raw facts. A probe judges nothing. It throws
 * only when it could not observe at all (the check is then BROKEN); facts such as "connection refused" or "no
 * answer within the read timeout" are observations, because a down target must fail, not break.
 */
@FunctionalInterface
public interface Probe<O> {
    O observe(ProbeContext context) throws Exception;
}
