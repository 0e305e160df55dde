package dev.smokegate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code DATABASE_URL} as apps and libpq read it: {@code postgres[ql]://user:password@host[:port]/database[?params]}.
 * {@link #toString()} and {@link #display()} leave the password out.
 *
 * @param sslmode the URL's {@code sslmode} parameter, if any: what the app itself asks for
 */
public record PostgresUrl(String host, int port, String database, String user, String password,
                          Optional<String> sslmode) {

    public static final int DEFAULT_PORT = 5432;

    /** Parses {@code text}; the exception's message says what is wrong without repeating the text (it holds a secret). */
    public static PostgresUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (expected postgres://user:password@host:port/database)");
        }
        if (!"postgres".equalsIgnoreCase(uri.getScheme()) && !"postgresql".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("expected a postgres:// or postgresql:// URL, found scheme "
                    + Optional.ofNullable(uri.getScheme()).map(s -> s + "://").orElse("none"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL names no host");
        }
        String userInfo = Optional.ofNullable(uri.getRawUserInfo()).orElse("");
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the URL names no user");
        }
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        String path = Optional.ofNullable(uri.getRawPath()).orElse("").replaceFirst("^/", "");
        String database = path.isEmpty() ? user : decode(path);
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user,
                password, Optional.ofNullable(query(uri).get("sslmode")));
    }

    public String jdbcUrl() {
        String host = this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host;
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** {@code host:port/database}: how reports name the database. */
    public String display() {
        return host + ":" + port + "/" + database;
    }

    /** Whether {@code other} names the same database on the same server (host compared case-insensitively). */
    public boolean sameDatabaseAs(PostgresUrl other) {
        return host.equalsIgnoreCase(other.host) && port == other.port && database.equals(other.database);
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + user + "@" + display() + "]";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
