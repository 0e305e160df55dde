package dev.smokegate.cli;

/** Wrong command-line input: one line for the user, exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
