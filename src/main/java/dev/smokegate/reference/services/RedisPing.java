package dev.smokegate.reference.services;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** One authenticated PING over TLS on a fresh connection, so an outage is seen at once rather than via a stale pool. */
public final class RedisPing {

    private RedisPing() {
    }

    /**
     * @param trust decides which CA is trusted; the server name is verified against the certificate as well
     * @return how long connect, handshake, AUTH and PING took
     * @throws redis.clients.jedis.exceptions.JedisException if Redis is unreachable, refuses AUTH or answers oddly
     */
    public static Duration ping(RedisEndpoint endpoint, SSLContext trust, ClientTimeouts timeouts) {
        SSLParameters verifyHostname = new SSLParameters();
        verifyHostname.setEndpointIdentificationAlgorithm("HTTPS");
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .ssl(true)
                .sslSocketFactory(trust.getSocketFactory())
                .sslParameters(verifyHostname)
                .password(endpoint.password())
                .connectionTimeoutMillis((int) timeouts.connect().toMillis())
                .socketTimeoutMillis((int) timeouts.socket().toMillis())
                // CLIENT SETINFO only exists from Redis 7.2 on; skipping it keeps 7.0 quiet.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build();
        long started = System.nanoTime();
        try (Jedis jedis = new Jedis(new HostAndPort(endpoint.host(), endpoint.port()), config)) {
            String reply = jedis.ping();
            if (!"PONG".equals(reply)) {
                throw new IllegalStateException("Redis answered PING with " + reply);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
