package dev.smokegate.model;

import java.util.List;
import java.util.Objects;

/**
 * What a check looks at: a role in the environment (one of {@link #ROLES}, or the environment as a whole) and the
 * address observed there. Waivers match either part.
 */
public record Target(String role, String address) {

    public static final String FRONTEND = "frontend";
    public static final String BACKEND = "backend";
    public static final String CANONICAL = "canonical";
    public static final String ALIAS = "alias";
    public static final String WEBSOCKET = "websocket";
    /** One of {@code headers.extra-origins}. */
    public static final String ORIGIN = "origin";
    /** One of {@code tls.hosts}. */
    public static final String TLS = "tls";
    public static final String PRELOAD_DOMAIN = "preload-domain";
    /** The app's OAuth login URL ({@code oauth.login-url}), where a GitHub sign-in starts. */
    public static final String LOGIN = "login";
    /** Postgres as {@code database.url} reaches it directly, shown as {@code host:port/database}. */
    public static final String DATABASE = "database";
    /** Redis as {@code redis.url} reaches it directly, shown as {@code host:port}. */
    public static final String REDIS = "redis";
    /** The app's GitHub webhook endpoint ({@code webhook.url}). */
    public static final String WEBHOOK = "webhook";
    /** The environment as a whole: only skipped checks have it, and a skipped check has nothing to waive. */
    public static final String ENVIRONMENT = "environment";

    /**
     * Every role a check gives its targets, so a waiver's {@code target} can be checked against them. A check names
     * its role by one of these constants, never by a literal, or a waiver for the new role would be refused.
     */
    public static final List<String> ROLES = List.of(FRONTEND, BACKEND, CANONICAL, ALIAS, WEBSOCKET, ORIGIN, TLS,
            PRELOAD_DOMAIN, LOGIN, DATABASE, REDIS, WEBHOOK);

    public Target {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(address, "address");
    }

    /** Stands for "the environment as a whole", e.g. for a check that does not apply anywhere. */
    public static Target environment(String name) {
        return new Target(ENVIRONMENT, name);
    }

    @Override
    public String toString() {
        return role + " " + address;
    }
}
