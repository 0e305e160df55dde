package dev.smokegate.reference.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's OAuth web flow for one registered app: the authorize endpoint (with its consent page), the token
 * endpoint, and the REST API's {@code /user} under GitHub Enterprise Server's {@code /api/v3} prefix.
 */
final class OAuthEndpoints {

    static final String ACCESS_TOKEN = "/login/oauth/access_token";
    static final String USER = "/api/v3/user";
    /** The numeric id GitHub would give the test user. */
    static final long USER_ID = 90_000_001L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String origin;
    private final OAuthAppRegistration app;
    private final WebSessions sessions;
    private final Grants grants;
    private final StandInFaults faults;

    OAuthEndpoints(String host, OAuthAppRegistration app, WebSessions sessions, Grants grants, StandInFaults faults) {
        this.origin = "https://" + host;
        this.app = app;
        this.sessions = sessions;
        this.grants = grants;
        this.faults = faults;
    }

    /** GET: sign in first, then consent unless this browser's session already granted the scopes. */
    Response authorize(Request request) {
        AuthorizationRequest authorization = AuthorizationRequest.from(FormFields.parse(request.rawQuery()));
        Optional<String> problem = authorization.problem(app);
        if (problem.isPresent()) {
            return Response.html(200, GitHubPages.error("Application authorization failed", problem.get()));
        }
        Optional<WebSessions.SignedIn> user = sessions.signedIn(request);
        if (user.isEmpty()) {
            return Response.redirect(302, SignIn.LOGIN + "?"
                    + FormFields.encode(List.of(Map.entry("return_to", request.pathAndQuery()))));
        }
        if (user.get().hasGranted(app.clientId(), authorization.scopes())) {
            return redirectWithCode(authorization, user.get().login());
        }
        return Response.html(200, GitHubPages.consent(app, authorization, user.get().login(),
                !faults.consentNeverEnables()));
    }

    /** POST from the consent page: {@code authorize=1} grants, anything else is the user declining. */
    Response consent(Request request) {
        FormFields form = FormFields.parse(request.body());
        AuthorizationRequest authorization = AuthorizationRequest.from(form);
        Optional<String> problem = authorization.problem(app);
        if (problem.isPresent()) {
            return Response.html(200, GitHubPages.error("Application authorization failed", problem.get()));
        }
        Optional<WebSessions.SignedIn> user = sessions.signedIn(request);
        if (user.isEmpty()) {
            return Response.redirect(302, SignIn.LOGIN);
        }
        if (!form.getOrEmpty("authorize").equals("1")) {
            return Response.redirect(302, callback(authorization, List.of(
                    Map.entry("error", "access_denied"),
                    Map.entry("error_description", "The user has denied your application access."))));
        }
        user.get().grant(app.clientId(), authorization.scopes());
        return redirectWithCode(authorization, user.get().login());
    }

    /**
     * POST with the app's credentials and a code. Like GitHub, errors are 200 with an {@code error} field, as JSON
     * when the client accepts it and form-encoded otherwise.
     */
    Response accessToken(Request request) throws JsonProcessingException {
        FormFields form = FormFields.parse(request.body());
        boolean json = request.headers().getOrDefault("Accept", List.of()).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("application/json"));
        if (!form.getOrEmpty("client_id").equals(app.clientId()) || !MessageDigest.isEqual(
                form.getOrEmpty("client_secret").getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            return tokenError(json, "incorrect_client_credentials",
                    "The client_id and/or client_secret passed are incorrect.");
        }
        Optional<Grants.Code> code = grants.redeem(form.getOrEmpty("code"));
        if (code.isEmpty() || !code.get().request().clientId().equals(app.clientId())) {
            return tokenError(json, "bad_verification_code", "The code passed is incorrect or expired.");
        }
        AuthorizationRequest authorization = code.get().request();
        Optional<String> redirectUri = form.get("redirect_uri");
        if (redirectUri.isPresent() && !redirectUri.get().equals(redirectUri(authorization))) {
            return tokenError(json, "redirect_uri_mismatch",
                    "The redirect_uri MUST match the registered callback URL for this application.");
        }
        if (authorization.codeChallenge() != null && !authorization.verifies(form.get("code_verifier").orElse(null))) {
            return tokenError(json, "invalid_grant", "The code_verifier does not match the code_challenge.");
        }
        String token = grants.issueToken(code.get().login(), authorization.scopes());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("scope", String.join(",", authorization.scopes()));
        return tokenAnswer(json, body);
    }

    /** The authenticated user, for {@code Authorization: token …} or {@code Bearer …}. */
    Response user(Request request) throws JsonProcessingException {
        Optional<String> token = Optional.ofNullable(request.headers().getFirst("Authorization"))
                .map(String::trim).flatMap(OAuthEndpoints::tokenOf);
        if (token.isEmpty()) {
            return apiError(401, "Requires authentication");
        }
        Optional<Grants.Token> grant = grants.token(token.get());
        if (grant.isEmpty()) {
            return apiError(401, "Bad credentials");
        }
        String login = grant.get().login();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("login", login);
        user.put("id", USER_ID);
        user.put("type", "User");
        user.put("name", "smokegate test user");
        user.put("html_url", origin + "/" + login);
        user.put("url", origin + "/api/v3/users/" + login);
        return Response.json(200, JSON.writeValueAsString(user))
                .withHeader("X-OAuth-Scopes", String.join(", ", grant.get().scopes()));
    }

    private Response redirectWithCode(AuthorizationRequest authorization, String login) {
        return Response.redirect(302, callback(authorization,
                List.of(Map.entry("code", grants.issueCode(authorization, login)))));
    }

    /** The app's callback with {@code parameters} and the state the app sent (if any) added to its query. */
    private String callback(AuthorizationRequest authorization, List<Map.Entry<String, String>> parameters) {
        List<Map.Entry<String, String>> query = new ArrayList<>(parameters);
        if (authorization.state() != null) {
            query.add(Map.entry("state", authorization.state()));
        }
        String uri = redirectUri(authorization);
        return uri + (uri.contains("?") ? "&" : "?") + FormFields.encode(query);
    }

    private String redirectUri(AuthorizationRequest authorization) {
        return authorization.redirectUri() == null ? app.callbackUrl() : authorization.redirectUri();
    }

    private static Optional<String> tokenOf(String authorization) {
        String[] schemeAndToken = authorization.split("\\s+", 2);
        boolean knownScheme = schemeAndToken.length == 2 && (schemeAndToken[0].equalsIgnoreCase("token")
                || schemeAndToken[0].equalsIgnoreCase("bearer"));
        return knownScheme ? Optional.of(schemeAndToken[1].trim()) : Optional.empty();
    }

    private static Response tokenError(boolean json, String error, String description)
            throws JsonProcessingException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("error_uri", "https://docs.github.com/apps/oauth-apps/maintaining-oauth-apps/"
                + "troubleshooting-oauth-app-access-token-request-errors");
        return tokenAnswer(json, body);
    }

    private static Response tokenAnswer(boolean json, Map<String, String> body) throws JsonProcessingException {
        return json ? Response.json(200, JSON.writeValueAsString(body))
                : new Response(200, Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")),
                FormFields.encode(List.copyOf(body.entrySet())).getBytes(StandardCharsets.UTF_8));
    }

    private static Response apiError(int status, String message) throws JsonProcessingException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", "https://docs.github.com/rest");
        return Response.json(status, JSON.writeValueAsString(body));
    }
}
