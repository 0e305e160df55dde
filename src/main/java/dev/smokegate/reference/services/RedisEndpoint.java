package dev.smokegate.reference.services;

/** How the backend reaches the reference Redis over TLS; {@link #toString()} leaves the password out. */
public record RedisEndpoint(String host, int port, String password) {

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + "]";
    }
}
