package dev.smokegate.reference.services;

/** How the backend reaches the reference Redis over TLS; {@link #toString()} leaves the password out. */
public record RedisEndpoint(String host, int port, String password) {

    /** The URL an app's {@code REDIS_URL} holds: {@code rediss://default:password@host:port}, TLS only. */
    public String redisUrl() {
        return "rediss://default:" + password + "@" + host + ":" + port;
    }

    /** The same credentials over a plaintext port: {@code redis://default:password@host:port}. */
    public String plaintextUrl(int plaintextPort) {
        return "redis://default:" + password + "@" + host + ":" + plaintextPort;
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + "]";
    }
}
