package dev.smokegate.reference.services;

/** How the backend reaches the reference Redis over TLS; {@link #toString()} leaves the password out. */
public record RedisEndpoint(String host, int port, String password) {

    /** The URL an app's {@code REDIS_URL} holds: {@code rediss://default:password@host:port}, TLS only. */
    public String redisUrl() {
        return "rediss://default:" + password + "@" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + "]";
    }
}
