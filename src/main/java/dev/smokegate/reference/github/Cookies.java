package dev.smokegate.reference.github;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Optional;

/** The stand-in's own cookies, named and flagged as github.com sets them. */
final class Cookies {

    /** The signed-in session. */
    static final String USER_SESSION = "user_session";
    /** The session before sign-in completes (password accepted, second factor pending). */
    static final String PENDING = "_gh_sess";

    private static final String FLAGS = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    private Cookies() {
    }

    /** The value the client sent for {@code name}, from any Cookie header. */
    static Optional<String> read(Headers headers, String name) {
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    return Optional.of(pair.substring(equals + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    static String set(String name, String value) {
        return name + "=" + value + FLAGS;
    }

    static String expire(String name) {
        return name + "=" + FLAGS + "; Max-Age=0";
    }
}
