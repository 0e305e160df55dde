package dev.smokegate.reference.oauth;

import dev.smokegate.reference.services.Loopback;
import dev.smokegate.reference.services.NodeProcess;
import dev.smokegate.reference.services.NodeRuntime;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The backend's "Sign in with GitHub" as a real Node app ({@code oauth-app.js}: express 5, express-session with
 * connect-redis, passport-github2; and a GitHub webhook verified with @octokit/webhooks-methods), on a loopback
 * HTTP port behind the backend's TLS front end, which forwards {@code /auth/*}, {@code /api/me} and
 * {@code /webhooks/*} to it through a {@link ReverseProxy}. Its faults travel with each forwarded request
 * ({@link #FAULTS_HEADER}), so it runs for the deployment's whole life.
 */
public final class OAuthAppProcess implements AutoCloseable {

    /** The modules {@code oauth-app.js} loads. */
    static final List<String> MODULES = List.of("express", "express-session", "connect-redis", "redis", "passport",
            "passport-github2", "@octokit/webhooks-methods", "jsonwebtoken");
    /** Names the faults switched on, comma-separated; the front end sets it and drops any a client sends. */
    public static final String FAULTS_HEADER = "X-Smokegate-Faults";
    private static final String SCRIPT = "oauth-app.js";
    private static final Pattern LISTENING = Pattern.compile("^listening oauth-app http=(\\d+)", Pattern.MULTILINE);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NodeProcess process;
    private final int port;

    private OAuthAppProcess(NodeProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the app on {@code port} (told up front, so the front end's proxy can be built before it) and returns
     * at once, so the app boots while other parts start; {@link #awaitListening} waits for it.
     */
    public static OAuthAppProcess launch(OAuthAppWiring wiring, int port) throws IOException {
        NodeRuntime runtime = NodeRuntime.locate("the reference deployment's OAuth app", MODULES);
        List<String> command = runtime.command(NodeRuntime.extractScript(OAuthAppProcess.class, SCRIPT,
                wiring.workDir()));
        return new OAuthAppProcess(NodeProcess.launch("the OAuth app", command, environment(wiring, runtime, port),
                wiring.workDir().resolve("oauth-app.log")), port);
    }

    /** Returns once the app serves, its Redis client connected; on failure, {@link #close()} it. */
    public void awaitListening() throws IOException {
        process.awaitLine(LISTENING, System.nanoTime() + READY_TIMEOUT.toNanos());
    }

    public int port() {
        return port;
    }

    public ProcessHandle process() {
        return process.handle();
    }

    @Override
    public void close() throws IOException {
        process.stop();
    }

    /**
     * Secrets (client secret, Redis password, session and webhook secrets) go by environment: not visible in ps,
     * never logged.
     */
    private static Map<String, String> environment(OAuthAppWiring wiring, NodeRuntime runtime, int port) {
        byte[] sessionSecret = new byte[32];
        RANDOM.nextBytes(sessionSecret);
        return Map.ofEntries(
                Map.entry("NODE_PATH", runtime.nodeModules().toString()),
                Map.entry("NODE_EXTRA_CA_CERTS", wiring.caFile().toString()),
                Map.entry("OAUTH_PORT", String.valueOf(port)),
                Map.entry("OAUTH_CLIENT_ID", wiring.registration().clientId()),
                Map.entry("OAUTH_CLIENT_SECRET", wiring.registration().clientSecret()),
                Map.entry("OAUTH_CALLBACK_URL", wiring.registration().callbackUrl()),
                Map.entry("OAUTH_GITHUB_URL", wiring.githubUrl()),
                Map.entry("OAUTH_GITHUB_ADDRESS", Loopback.HOST + ":" + wiring.githubPort()),
                Map.entry("OAUTH_FRONTEND_URL", wiring.frontendUrl()),
                Map.entry("OAUTH_SESSION_SECRET", Base64.getUrlEncoder().encodeToString(sessionSecret)),
                Map.entry("OAUTH_REDIS_HOST", wiring.redis().host()),
                Map.entry("OAUTH_REDIS_PORT", String.valueOf(wiring.redis().port())),
                Map.entry("OAUTH_REDIS_PASSWORD", wiring.redis().password()),
                Map.entry("OAUTH_REDIS_CA", wiring.caFile().toString()),
                Map.entry("WEBHOOK_SECRET", wiring.webhookSecret()),
                Map.entry("JWT_SECRET", wiring.jwtSecret()));
    }
}
