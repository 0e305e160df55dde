package dev.smokegate.reference;

import dev.smokegate.reference.github.GitHubAccount;
import dev.smokegate.reference.github.GitHubStandIn;
import dev.smokegate.reference.github.OAuthAppRegistration;
import dev.smokegate.reference.github.StandInFaults;
import dev.smokegate.reference.oauth.OAuthAppProcess;
import dev.smokegate.reference.oauth.OAuthAppWiring;
import dev.smokegate.reference.oauth.ReverseProxy;
import dev.smokegate.reference.services.RedisEndpoint;
import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Sign in with GitHub" in the reference deployment: the OAuth app as registered at GitHub's stand-in, the test
 * account (both generated per start), the stand-in's site, and the Node app with the front end's proxy to it.
 *
 * @param appPort       the loopback port the Node app listens on, chosen before it starts so the backend's proxy
 *                      can be built first
 * @param webhookSecret the secret the app's GitHub webhook verifies deliveries with ({@code WEBHOOK_SECRET})
 * @param jwtSecret     the HMAC secret the app signs and verifies its JWTs with ({@code JWT_SECRET})
 */
record ReferenceOAuth(GitHubAccount account, OAuthAppRegistration registration, int appPort, String webhookSecret,
                      String jwtSecret) {

    static final String CLIENT_ID = "Iv1.smokegate-demo";
    static final String CALLBACK_URL = "https://" + ReferenceHosts.BACKEND + "/auth/github/callback";
    static final String TEST_LOGIN = "smokegate-bot";
    private static final String APP_NAME = "smokegate demo";

    /** The faults the Node app applies, named to it on every forwarded request; the others are the stand-in's. */
    static final Set<Fault> APP_FAULTS = EnumSet.of(Fault.STATE_NOT_GENERATED, Fault.STATE_NOT_CHECKED,
            Fault.STATE_REUSED, Fault.REDIRECT_URI_HTTP, Fault.REDIRECT_URI_PREVIEW, Fault.SCOPE_TOO_WIDE,
            Fault.OAUTH_SESSION_COOKIE_NOT_HTTPONLY, Fault.OAUTH_SESSION_COOKIE_NOT_SECURE,
            Fault.OAUTH_SESSION_COOKIE_SAMESITE_NONE, Fault.CODE_LEFT_IN_URL, Fault.TOKEN_IN_LOCAL_STORAGE,
            Fault.LOGOUT_KEEPS_SESSION, Fault.CALLBACK_ERROR_500, Fault.WEBHOOK_UNSIGNED_ACCEPTED,
            Fault.WEBHOOK_WRONG_SIGNATURE_ACCEPTED, Fault.WEBHOOK_500_ON_BAD_SIGNATURE, Fault.JWT_ALG_NONE_ACCEPTED,
            Fault.JWT_SIGNATURE_UNCHECKED, Fault.JWT_EXP_IGNORED, Fault.JWT_KEY_CONFUSION, Fault.JWT_WEAK_SECRET);
    private static final SecureRandom RANDOM = new SecureRandom();

    static ReferenceOAuth generate(int appPort) {
        return new ReferenceOAuth(GitHubAccount.generate(TEST_LOGIN),
                OAuthAppRegistration.generate(APP_NAME, CLIENT_ID, CALLBACK_URL), appPort, generateWebhookSecret(),
                randomJwtSecret());
    }

    /** 32 random bytes in hex, as {@code openssl rand -hex 32} makes a GitHub webhook secret. */
    private static String generateWebhookSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    /** 48 random bytes, Base64URL: what the seed's JWT_SECRET asks for (32–64 random bytes). */
    private static String randomJwtSecret() {
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    Site standInSite(FaultSwitches faults) {
        StandInFaults switches = new StandInFaults() {
            @Override
            public boolean consentNeverEnables() {
                return faults.isOn(Fault.CONSENT_NEVER_ENABLES);
            }

            @Override
            public boolean asksForDeviceVerification() {
                return faults.isOn(Fault.DEVICE_VERIFICATION);
            }
        };
        return new GitHubStandIn(ReferenceHosts.GITHUB, account, registration, switches, Clock.systemUTC()).site();
    }

    /**
     * The backend's {@code /auth/*}, {@code /api/me} and {@code /webhooks/*}: forwarded to the Node app with its
     * faults named.
     */
    Handler appProxy(FaultSwitches faults) {
        return new ReverseProxy(appPort, request -> Map.of(OAuthAppProcess.FAULTS_HEADER,
                faults.snapshot().stream().filter(APP_FAULTS::contains).map(Fault::name)
                        .collect(Collectors.joining(","))));
    }

    /** Launches the Node app; {@link OAuthAppProcess#awaitListening()} waits for it. */
    OAuthAppProcess launchApp(int githubPort, RedisEndpoint redis, Path caFile, Path workDir) throws IOException {
        return OAuthAppProcess.launch(new OAuthAppWiring(registration, "https://" + ReferenceHosts.GITHUB,
                githubPort, "https://" + ReferenceHosts.FRONTEND + "/", redis, caFile,
                Files.createDirectories(workDir), webhookSecret, jwtSecret), appPort);
    }

    /**
     * A token for the test user as the healthy app issues it to the test account's session ({@code GET /api/token}):
     * HS256 with JWT_SECRET. Minted here, as a deploy pipeline holding JWT_SECRET would mint the gate's SMOKE_JWT,
     * since the gate runs no login; valid for a day so a long test run never sees it expire.
     */
    private String testUserToken() {
        try {
            com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(TEST_LOGIN).claim("role", "user")
                            .issueTime(new java.util.Date())
                            .expirationTime(java.util.Date.from(java.time.Instant.now().plus(
                                    java.time.Duration.ofDays(1)))).build());
            token.sign(new com.nimbusds.jose.crypto.MACSigner(jwtSecret.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            return token.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot sign the test user's token", e);
        }
    }

    /** The secrets a verifier's environment holds, by the variable names the OAuth config references. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GITHUB_TEST_LOGIN", account.login());
        environment.put("GITHUB_TEST_PASSWORD", account.password());
        environment.put("GITHUB_TEST_TOTP_SECRET", account.totpSecret());
        environment.put("GITHUB_CLIENT_SECRET", registration.clientSecret());
        environment.put("WEBHOOK_SECRET", webhookSecret);
        environment.put("JWT_SECRET", jwtSecret);
        environment.put("SMOKE_JWT", testUserToken());
        return environment;
    }
}
