package dev.smokegate.engine;

/** The process exit codes promised in the README; CI jobs depend on them. */
public final class ExitCode {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_VERIFIED = 3;

    private ExitCode() {
    }
}
