package dev.smokegate.reference.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    /** How long the hanging command sleeps: what run() would wait, and the child live, if the deadline failed. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void failureNamesTheStepTheExitCodeAndTheEndOfTheLog() {
        ProcessBuilder failing = new ProcessBuilder("sh", "-c", "echo starting; echo 'FATAL: port in use' >&2; exit 3");

        assertThatThrownBy(() -> Commands.run("start the thing", failing, dir.resolve("log"), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("start the thing failed with exit code 3")
                .hasMessageContaining("starting")
                .hasMessageContaining("FATAL: port in use");
    }

    @Test
    void commandOverItsDeadlineIsKilledWithItsChildren() throws IOException {
        Path childPid = dir.resolve("child.pid");
        ProcessBuilder hanging = new ProcessBuilder("sh", "-c",
                "sleep " + HANG.toSeconds() + " & echo $! > " + childPid + "; wait");

        long started = System.nanoTime();
        assertThatThrownBy(() -> Commands.run("hang", hanging, dir.resolve("log"), Duration.ofMillis(500)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("hang did not finish within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("returned before the sleep would have ended")
                .isLessThan(HANG);

        long child = Long.parseLong(Files.readString(childPid).trim());
        // A child that survived the kill would still be asleep after half its sleep.
        ProcessHandle.of(child).ifPresent(process -> assertThat(process.onExit())
                .succeedsWithin(HANG.dividedBy(2)));
    }

    @Test
    void stdinReachesTheCommandButNotTheLog() throws IOException {
        Path log = dir.resolve("log");
        Path received = dir.resolve("received");

        Commands.run("copy stdin", new ProcessBuilder("sh", "-c", "cat > " + received), log, Duration.ofSeconds(5),
                "secret-password\n");

        assertThat(Files.readString(received)).isEqualTo("secret-password\n");
        assertThat(Files.readString(log)).doesNotContain("secret-password");
    }
}
