package dev.smokegate.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smokegate.reference.web.Handler;
import dev.smokegate.reference.web.Reply;
import dev.smokegate.reference.web.Request;
import dev.smokegate.reference.web.Response;
import dev.smokegate.reference.web.Route;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend's health paths: liveness, and one path per dependency that really talks to it; and the Node app that
 * signs users in with GitHub and takes GitHub's webhook deliveries, which the front end forwards {@code /auth/*},
 * {@code /api/me} and {@code /webhooks/*} to.
 */
final class BackendApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The health path's delay under {@link Fault#HEALTH_SLOW}: a second clear of either level of a {warn: 1s,
     * fail: 3s} budget, as the self-tests set it, which a loaded machine's jitter does not cross.
     */
    public static final Duration SLOW = Duration.ofSeconds(2);

    /** Its delay under {@link Fault#HEALTH_TOO_SLOW}: a second beyond that budget's fail level. */
    public static final Duration TOO_SLOW = Duration.ofSeconds(4);

    private final FaultSwitches faults;
    private final HealthCheck database;
    private final HealthCheck redis;
    private final HealthCheck restoredDatabase;
    private final Handler oauthApp;

    /**
     * @param restoredDatabase the database health of a staging backend whose {@code DATABASE_URL} is the restore
     *                         drill's scratch: it reads the app's data, so it answers 2xx only while a restored copy
     *                         is there (the drill's smoke step aims at it)
     */
    BackendApi(FaultSwitches faults, HealthCheck database, HealthCheck redis, HealthCheck restoredDatabase,
               Handler oauthApp) {
        this.faults = faults;
        this.database = database;
        this.redis = redis;
        this.restoredDatabase = restoredDatabase;
        this.oauthApp = oauthApp;
    }

    List<Route> routes() {
        return List.of(
                Route.exact("/health", this::liveness),
                Route.exact("/health/db", dependency(database)),
                Route.exact("/health/redis", dependency(redis)),
                Route.exact("/staging/health/db", dependency(restoredDatabase)),
                // What the frontend calls cross-origin with credentials; the CORS checks aim here.
                Route.exact("/api/session", request -> json(200, Map.of("authenticated", false))),
                new Route(request -> request.rawPath().startsWith("/auth/"), oauthApp),
                Route.exact("/api/me", oauthApp),
                new Route(request -> request.rawPath().startsWith("/webhooks/"), oauthApp),
                // The app's JWTs: a token for the test user, and the endpoints that verify one.
                Route.exact("/api/token", oauthApp),
                new Route(request -> request.rawPath().startsWith("/api/jwt/"), oauthApp),
                Route.any(request -> error(404, "no such endpoint")));
    }

    private Reply liveness(Request request) throws JsonProcessingException, InterruptedException {
        if (faults.isOn(Fault.HEALTH_HANGS)) {
            return Reply.noAnswer();
        }
        if (faults.isOn(Fault.HEALTH_500)) {
            return error(500, "internal server error");
        }
        if (faults.isOn(Fault.HEALTH_SLOW) || faults.isOn(Fault.HEALTH_TOO_SLOW)) {
            Thread.sleep((faults.isOn(Fault.HEALTH_SLOW) ? SLOW : TOO_SLOW).toMillis());
        }
        return json(200, Map.of("status", "ok"));
    }

    private static Handler dependency(HealthCheck check) {
        return request -> {
            Duration latency;
            try {
                latency = check.run();
            } catch (Exception e) {
                return error(503, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("latencyMs", latency.toMillis());
            return json(200, body);
        };
    }

    private static Response error(int status, String reason) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", reason);
        return json(status, body);
    }

    private static Response json(int status, Map<String, Object> body) throws JsonProcessingException {
        return Response.json(status, JSON.writeValueAsString(body));
    }
}
