package dev.smokegate.reference.github;

import dev.smokegate.reference.web.Request;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The stand-in's browser sessions: half signed in (second factor pending) and signed in, by cookie value. */
final class WebSessions {

    /**
     * A correct password, awaiting the second factor.
     *
     * @param returnTo                  a local path to go on to once signed in
     * @param needsDeviceVerification   the device must be verified first (never possible here)
     */
    record Pending(String returnTo, boolean needsDeviceVerification) {
    }

    /** A signed-in browser, and the scopes it has authorised each OAuth app (by client id) for. */
    record SignedIn(String login, Map<String, Set<String>> grantedScopes) {

        boolean hasGranted(String clientId, java.util.Collection<String> scopes) {
            return grantedScopes.getOrDefault(clientId, Set.of()).containsAll(scopes);
        }

        void grant(String clientId, java.util.Collection<String> scopes) {
            grantedScopes.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet()).addAll(scopes);
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, SignedIn> signedIn = new ConcurrentHashMap<>();

    /** @return the new {@link Cookies#PENDING} value */
    String startPending(Pending state) {
        String id = newId();
        pending.put(id, state);
        return id;
    }

    Optional<Pending> pending(Request request) {
        return Cookies.read(request.headers(), Cookies.PENDING).map(pending::get);
    }

    /** Ends the request's pending session and signs {@code login} in; returns the {@link Cookies#USER_SESSION}. */
    String signIn(Request request, String login) {
        Cookies.read(request.headers(), Cookies.PENDING).ifPresent(pending::remove);
        String id = newId();
        signedIn.put(id, new SignedIn(login, new ConcurrentHashMap<>()));
        return id;
    }

    Optional<SignedIn> signedIn(Request request) {
        return Cookies.read(request.headers(), Cookies.USER_SESSION).map(signedIn::get);
    }

    private static String newId() {
        return RandomValues.base64Url(32);
    }
}
