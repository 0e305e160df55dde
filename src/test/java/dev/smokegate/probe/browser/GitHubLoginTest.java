package dev.smokegate.probe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smokegate.ExternalProcesses;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.probe.browser.LoginObservation.End.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExternalProcesses
class GitHubLoginTest {

    @TempDir
    Path dir;

    private LoginObservation login(FakeGitHub fake) throws Exception {
        EnvironmentConfig config = FakeEnvironment.config(fake, dir);
        return LoginProbes.githubLogin(config).probe().observe(FakeEnvironment.context(config));
    }

    @Test
    void signsInThroughEveryGitHubPageAndComesBackSignedIn() throws Exception {
        try (FakeGitHub fake = new FakeGitHub()) {
            LoginObservation observed = login(fake);

            assertThat(observed.end().kind()).as(observed.end().detail()).isEqualTo(Kind.LANDED);
            assertThat(observed.steps()).extracting(LoginObservation.LoginStep::page).containsExactly(
                    "the app's sign-in page", "GitHub sign-in (/login)",
                    "GitHub two-factor authentication (/sessions/two-factor/app)",
                    "GitHub authorization (consent) (/login/oauth/authorize)", "back at the app (app.fake.test)",
                    "the app's \"who am I\" endpoint", "the app's callback, given a real code and a forged state");
            assertThat(observed.me()).get().satisfies(me -> {
                assertThat(me.status()).isEqualTo(200);
                assertThat(me.body()).contains(FakeGitHub.LOGIN);
            });
            assertThat(observed.sessionCookie()).get().satisfies(c -> {
                assertThat(c.secure()).isTrue();
                assertThat(c.httpOnly()).isTrue();
                assertThat(c.sameSite()).contains("Lax");
                assertThat(c.hostOnly()).isTrue();
                assertThat(c.domain()).isEqualTo(FakeGitHub.API);
            });
            assertThat(observed.oauthCodes()).as("the login's code and the forged-state attempt's").hasSize(2);
            assertThat(observed.logout()).get().satisfies(l -> {
                assertThat(l.status()).isEqualTo(204);
                assertThat(l.replayBefore().exchange()).get().extracting(e -> e.status()).isEqualTo(200);
                assertThat(l.replayAfter().exchange()).get().extracting(e -> e.status()).isEqualTo(401);
            });
            assertThat(observed.steps()).allSatisfy(s -> assertThat(s.screenshot()).isPresent());
            assertThat(observed.steps()).allSatisfy(s -> observed.oauthCodes().forEach(code ->
                    assertThat(s.url()).doesNotContain(code)));
        }
    }
}
