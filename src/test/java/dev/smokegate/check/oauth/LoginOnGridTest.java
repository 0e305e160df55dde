package dev.smokegate.check.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.engine.PlannedCheck;
import dev.smokegate.engine.RunSession;
import dev.smokegate.engine.Selection;
import dev.smokegate.model.CheckResult;
import dev.smokegate.model.Outcome;
import dev.smokegate.model.Suite;
import dev.smokegate.probe.browser.FakeEnvironment;
import dev.smokegate.probe.browser.FakeGitHub;
import dev.smokegate.probe.browser.GridStandalone;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser checks on a real Selenium Grid standalone: RemoteWebDriver instead of a local chromedriver, the
 * Grid node's Chromium trusting the test CA through the NSS database in its {@code $HOME}, and the performance
 * and console logs read through the Grid.
 */
@ExternalProcesses
class LoginOnGridTest {

    @TempDir
    Path dir;

    @Test
    void theLoginChecksPassThroughASeleniumGrid() throws Exception {
        try (FakeGitHub fake = new FakeGitHub();
             GridStandalone grid = GridStandalone.start(dir, Optional.of(FakeGitHub.writeRoot(dir)))) {
            EnvironmentConfig local = FakeEnvironment.config(fake, dir);
            EnvironmentConfig config = local.newBuilder().browser(local.browser().onGrid(grid.url())).build();
            List<CheckResult> results = new ArrayList<>();
            try (RunSession session = RunSession.open(config, Selection.of(Suite.NIGHTLY), LoginChecks.all(),
                    FakeEnvironment.context(config), 4, Clock.systemUTC())) {
                for (PlannedCheck planned : session.planned()) {
                    results.add(session.evaluate(planned));
                }
            }

            assertThat(results).hasSize(LoginChecks.all().size()).allSatisfy(r -> assertThat(r.outcome()).as(r.id() + ": " + r.message())
                    .isEqualTo(Outcome.PASSED));
            assertThat(results.get(0).message()).contains("the Selenium Grid at " + grid.url());
            assertThat(results.get(2).message()).as("the Grid passes the performance log through")
                    .contains("not the OAuth code");
        }
    }
}
