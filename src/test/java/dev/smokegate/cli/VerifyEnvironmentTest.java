package dev.smokegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code mvn -B -ntp verify -Dsmokegate.env=<env> [-Dsmokegate.suite=gate]}: the same run as {@code ./smokegate run},
 * as one JUnit test that fails unless the exit code is 0, for Jenkins jobs that drive everything through Maven.
 * The {@code verify-environment} profile in the pom makes it the only test of such a build.
 */
@EnabledIfSystemProperty(named = "smokegate.env", matches = ".+")
class VerifyEnvironmentTest {

    @Test
    void environmentPassesItsSuite() {
        String environment = System.getProperty("smokegate.env");
        String suite = System.getProperty("smokegate.suite", "gate");
        String[] args = environment.equals("demo")
                ? new String[] {"demo", "--suite", suite}
                : new String[] {"run", environment, "--suite", suite};

        int exitCode = new Smokegate(System.out, System.err, System.getenv(), Path.of("."), Clock.systemUTC())
                .execute(args);

        assertThat(exitCode).as("smokegate exit code (1 failed, 2 config error, 3 could not verify); the summary "
                + "above and reports/" + environment + "/latest have the details").isZero();
    }
}
