package dev.smokegate.reference.ws;

import dev.smokegate.reference.pki.TlsContexts;
import dev.smokegate.reference.services.RedisEndpoint;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One replica's link to the shared Redis (TLS trusting only the deployment's root, password): a pooled client
 * PUBLISHes room messages to {@code rooms:<room>}, a dedicated thread stays PSUBSCRIBEd to {@code rooms:*} and hands
 * every message to the replica. After a lost connection (Redis restarted) the thread subscribes again.
 */
final class RoomBus implements AutoCloseable {

    private static final String CHANNEL_PREFIX = "rooms:";
    private static final Duration RESUBSCRIBE_PAUSE = Duration.ofMillis(250);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);

    private final HostAndPort address;
    private final JedisClientConfig config;
    private final RedisClient publisher;
    private final BiConsumer<String, String> deliver;
    private final Thread subscriber;
    /** Completes when the current subscription is confirmed; replaced by a fresh one whenever it is lost. */
    private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile Jedis subscription;

    /** @param deliver called on the subscriber thread with each message's room and payload */
    RoomBus(String name, RedisEndpoint redis, X509Certificate root, BiConsumer<String, String> deliver) {
        this.address = new HostAndPort(redis.host(), redis.port());
        this.config = clientConfig(redis, root);
        this.publisher = RedisClient.builder().hostAndPort(address).clientConfig(config).build();
        this.deliver = deliver;
        this.subscriber = new Thread(this::subscribeUntilClosed, name + "-redis-subscriber");
        subscriber.setDaemon(true);
    }

    void start() {
        subscriber.start();
    }

    /**
     * Waits until PSUBSCRIBE is confirmed (again, after Redis restarted): messages published before that would be
     * lost to this replica.
     */
    void awaitSubscribed(Duration timeout) throws IOException {
        try {
            subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot subscribe to Redis at " + address + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no Redis subscription at " + address + " within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while subscribing to Redis", e);
        }
    }

    /** @throws JedisException if Redis cannot take the message */
    void publish(String room, String payload) {
        try {
            publisher.publish(CHANNEL_PREFIX + room, payload);
        } catch (JedisConnectionException stale) {
            // A pooled connection opened before Redis restarted fails once and is dropped; the next one is fresh.
            publisher.publish(CHANNEL_PREFIX + room, payload);
        }
    }

    @Override
    public void close() {
        closed = true;
        Jedis current = subscription;
        if (current != null) {
            // Unblocks the subscriber's read; it then sees closed and ends.
            current.disconnect();
        }
        subscriber.interrupt();
        try {
            subscriber.join(SOCKET_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    private void subscribeUntilClosed() {
        boolean everSubscribed = false;
        while (!closed) {
            CompletableFuture<Void> attempt = subscribed;
            try (Jedis jedis = new Jedis(address, config)) {
                subscription = jedis;
                // close() may have looked for the connection just before it was published.
                if (closed) {
                    return;
                }
                jedis.psubscribe(new Listener(attempt), CHANNEL_PREFIX + "*");
            } catch (RuntimeException e) {
                if (!everSubscribed && !attempt.isDone()) {
                    // Unreachable or refusing at start: the replica fails to start rather than run deaf.
                    attempt.completeExceptionally(e);
                    return;
                }
            }
            if (attempt.isDone()) {
                everSubscribed = true;
                subscribed = new CompletableFuture<>();
            }
            try {
                Thread.sleep(RESUBSCRIBE_PAUSE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static JedisClientConfig clientConfig(RedisEndpoint redis, X509Certificate root) {
        SSLParameters verifyName = new SSLParameters();
        verifyName.setEndpointIdentificationAlgorithm("HTTPS");
        return DefaultJedisClientConfig.builder()
                .ssl(true)
                .sslSocketFactory(TlsContexts.trustingOnly(root).getSocketFactory())
                .sslParameters(verifyName)
                .password(redis.password())
                .connectionTimeoutMillis((int) CONNECT_TIMEOUT.toMillis())
                .socketTimeoutMillis((int) SOCKET_TIMEOUT.toMillis())
                // CLIENT SETINFO only exists from Redis 7.2 on; skipping it keeps 7.0 quiet.
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build();
    }

    /** A fresh one per connection: a JedisPubSub keeps the state of the connection it last ran on. */
    private final class Listener extends JedisPubSub {
        private final CompletableFuture<Void> confirmed;

        Listener(CompletableFuture<Void> confirmed) {
            this.confirmed = confirmed;
        }

        @Override
        public void onPSubscribe(String pattern, int subscribedCount) {
            confirmed.complete(null);
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            deliver.accept(channel.substring(CHANNEL_PREFIX.length()), message);
        }
    }
}
