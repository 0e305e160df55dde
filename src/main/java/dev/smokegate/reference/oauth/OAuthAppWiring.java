package dev.smokegate.reference.oauth;

import dev.smokegate.reference.github.OAuthAppRegistration;
import dev.smokegate.reference.services.RedisEndpoint;
import java.nio.file.Path;

/**
 * What the Node OAuth app is configured with, all from the deployment it belongs to.
 *
 * @param registration the app as registered on GitHub: client id and secret, the callback URL
 * @param githubUrl    GitHub's public origin, {@code https://github.smokegate.test}, which the browser is sent to
 * @param githubPort   the loopback port that origin is served on, where the app's own calls to GitHub go
 * @param frontendUrl  where a signed-in user lands, {@code https://app.smokegate.test/}
 * @param redis        the deployment's Redis (TLS, password), which holds the sessions
 * @param caFile       the deployment's root CA, which signed GitHub's and Redis's certificates
 * @param workDir      a private directory for the script and its log
 * @param webhookSecret the secret the app's GitHub webhook verifies deliveries with
 * @param jwtSecret     the HMAC secret the app signs and verifies its JWTs with (JWT_SECRET)
 */
public record OAuthAppWiring(OAuthAppRegistration registration, String githubUrl, int githubPort,
                             String frontendUrl, RedisEndpoint redis, Path caFile, Path workDir,
                             String webhookSecret, String jwtSecret) {
}
