package dev.smokegate.junit;

import org.opentest4j.AssertionFailedError;

/**
 * A target that was observed and does not meet the requirement. An assertion error, so JUnit XML records a
 * failure and Allure a failed test. The stack trace points into smokegate, not at the problem, so it is dropped.
 */
public final class CheckFailedError extends AssertionFailedError {

    public CheckFailedError(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
