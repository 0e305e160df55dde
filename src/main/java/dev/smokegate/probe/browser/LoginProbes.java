package dev.smokegate.probe.browser;

import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.OAuthSettings;
import dev.smokegate.probe.ProbeRequest;
import java.time.Duration;
import java.time.Instant;

/** The browser login the {@code oauth.*} browser checks share: one per run and environment. */
public final class LoginProbes {

    /** Left for quitting the browser and deleting its files when the deadline cuts the flow short. */
    private static final Duration CLEANUP = Duration.ofSeconds(5);

    private LoginProbes() {
    }

    /**
     * Signs the configured test account in through GitHub in a browser ({@code browser.*}), then reads the app's
     * session and logs out. Every check asking for it gets the same observation.
     */
    public static ProbeRequest<LoginObservation> githubLogin(EnvironmentConfig config) {
        OAuthSettings oauth = config.oauth();
        String start = oauth.signInSelector().map(s -> config.frontend().url() + " " + s)
                .orElseGet(() -> String.valueOf(oauth.loginUrl().orElse(null)));
        return new ProbeRequest<>("browser github login " + start + " via " + oauth.githubUrl(), context -> {
            Instant deadline = context.runDeadline().minus(CLEANUP);
            try (BrowserSession browser = BrowserSession.open(context.config(), deadline)) {
                return new GitHubLogin(browser, context, OneTimeCodes.systemClock(), deadline).observe();
            }
        });
    }
}
