package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.report.LeakScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The canary tests' one question: does any secret show, in any form, on the console or in any report file? */
final class ArtifactLeaks {

    private ArtifactLeaks() {
    }

    static void assertNone(List<String> secrets, CliRun run, Path reports) throws IOException {
        LeakScanner scanner = new LeakScanner(secrets);
        assertThat(scanner.leaks(run.console().getBytes(StandardCharsets.UTF_8))).as("console").isEmpty();
        assertThat(scanner.leaksUnder(reports)).as("report files").isEmpty();
    }
}
