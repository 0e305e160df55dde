package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Jenkinsfile's run step, the bash script between {@code script: '''} and {@code '''}, run as Jenkins runs it
 * but with a stand-in {@code ./smokegate} that prints the arguments it got.
 */
class JenkinsfileRunStepTest {

    private static final Pattern RUN_STEP = Pattern.compile("script: '''(#!/bin/bash\\n.*?)'''", Pattern.DOTALL);

    @TempDir
    Path workspace;

    private String runStep(String suite, String only) throws Exception {
        Matcher step = RUN_STEP.matcher(Files.readString(Path.of("Jenkinsfile")));
        assertThat(step.find()).as("the run step in the Jenkinsfile").isTrue();
        Path script = Files.writeString(workspace.resolve("step.sh"), step.group(1));
        Path fake = Files.writeString(workspace.resolve("smokegate"), "#!/bin/bash\necho \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(workspace.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("SMOKEGATE_REPORTS", "reports/build-7", "SMOKEGATE_ENV", "production",
                "SMOKEGATE_RUN_SUITE", suite, "SMOKEGATE_ONLY", only));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gate    | ''     | run production --suite gate --no-html --report-dir reports/build-7",
            "gate    | http.* | run production --suite gate --only http.* --no-html --report-dir reports/build-7",
            "nightly | ''     | run production --suite nightly --report-dir reports/build-7",
            "full    | ''     | run production --suite full --report-dir reports/build-7"})
    void skipsTheHtmlReportInTheGateOnly(String suite, String only, String expected)
            throws Exception {
        assertThat(runStep(suite, only)).isEqualTo(expected);
    }
}
