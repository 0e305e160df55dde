package dev.smokegate.reference.services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * Authenticated PING over TLS, trusting one root CA and verifying the server name. Each ping opens a fresh
 * connection, so an outage is seen at once rather than hidden behind a pooled connection.
 */
public final class RedisPing {

    /** Guards only an in-memory trust store holding a public certificate. */
    private static final char[] TRUST_STORE_PASSWORD = "in-memory".toCharArray();

    private final HostAndPort address;
    private final JedisClientConfig config;

    public RedisPing(RedisEndpoint endpoint, X509Certificate root, ClientTimeouts timeouts) {
        this.address = new HostAndPort(endpoint.host(), endpoint.port());
        this.config = tlsConfig(root, timeouts, null, endpoint.password());
    }

    /** A client config for TLS trusting only {@code root}, verifying the host name; {@code user} null: default. */
    static JedisClientConfig tlsConfig(X509Certificate root, ClientTimeouts timeouts, String user, String password) {
        byte[] trustStore = trustStore(root);
        return DefaultJedisClientConfig.builder()
                .sslOptions(SslOptions.builder()
                        .truststore(() -> new ByteArrayInputStream(trustStore), TRUST_STORE_PASSWORD)
                        .trustStoreType("PKCS12")
                        .sslVerifyMode(SslVerifyMode.FULL)
                        .build())
                .user(user)
                .password(password)
                .connectionTimeoutMillis((int) timeouts.connect().toMillis())
                .socketTimeoutMillis((int) timeouts.socket().toMillis())
                // CLIENT SETINFO only exists from Redis 7.2 on; skipping it keeps 7.0 quiet.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build();
    }

    /**
     * @return how long connect, handshake, AUTH and PING took
     * @throws redis.clients.jedis.exceptions.JedisException if Redis is unreachable, untrusted or refuses AUTH
     */
    public Duration ping() {
        long started = System.nanoTime();
        try (Jedis jedis = new Jedis(address, config)) {
            String reply = jedis.ping();
            if (!"PONG".equals(reply)) {
                throw new IllegalStateException("Redis answered PING with " + reply);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static byte[] trustStore(X509Certificate root) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, TRUST_STORE_PASSWORD);
            return bytes.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the Redis client's trust store", e);
        }
    }
}
