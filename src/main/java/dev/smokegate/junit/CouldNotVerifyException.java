package dev.smokegate.junit;

/**
 * The check could not observe the target. Not an assertion error, so JUnit XML records an error and Allure a
 * broken test: nobody should read it as "the target is misconfigured".
 */
public final class CouldNotVerifyException extends RuntimeException {

    public CouldNotVerifyException(String message) {
        super(message, null, false, false);
    }
}
