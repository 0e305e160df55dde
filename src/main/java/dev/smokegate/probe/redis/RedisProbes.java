package dev.smokegate.probe.redis;

import dev.smokegate.config.RedisUrl;
import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Redis scenarios checks can ask for. None of them changes anything a production app relies on: keys and
 * channels are {@code smokegate:} plus 64 random bits, dangerous commands are only queued inside MULTI and then
 * discarded (Redis 7 checks ACL permissions when a command is queued, so a denied command is refused there and an
 * allowed one never runs), and the arguments queued would fail even if they ran. Credentials are sent only over a
 * verified TLS connection to the URL's host; for a {@code redis://} URL they are withheld.
 */
public final class RedisProbes {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** An argument no dangerous command accepts: should a queued command ever run, it fails with a syntax error. */
    private static final String NEVER_RUNS = "smokegate-never-runs";

    private RedisProbes() {
    }

    /** A plaintext PING on the URL's port, then (for rediss://) a verified TLS handshake and PING without AUTH. */
    public static ProbeRequest<RedisTransportObservation> transport(RedisUrl url) {
        return new ProbeRequest<>("redis transport " + url.scheme() + "://" + url, context -> {
            RedisDialer dialer = new RedisDialer(url, context);
            PlaintextAnswer plaintext = plaintextPing(dialer, context);
            if (!url.tls()) {
                return new RedisTransportObservation(dialer.where(), false, plaintext, Optional.empty(),
                        Optional.empty(), Optional.empty());
            }
            try (SSLSocket tls = dialer.verifiedTls()) {
                PlaintextAnswer unauthenticated = RedisDialer.ping(tls, dialer.where());
                return new RedisTransportObservation(dialer.where(), true, plaintext, Optional.empty(),
                        Optional.of(tls.getSession().getProtocol()),
                        Optional.of(unauthenticated.redisReply().orElse(unauthenticated.description())));
            } catch (IOException e) {
                return new RedisTransportObservation(dialer.where(), true, plaintext,
                        Optional.of(RedisFailure.of(e, dialer.where(), context.config())), Optional.empty(),
                        Optional.empty());
            }
        });
    }

    /** PING, INFO memory, and each of {@code dangerous} queued inside MULTI, then DISCARD, on one connection. */
    public static ProbeRequest<RedisSessionObservation> session(RedisUrl url, List<String> dangerous) {
        return new ProbeRequest<>("redis session " + url.scheme() + "://" + url + " " + dangerous, context -> {
            RedisDialer dialer = new RedisDialer(url, context);
            if (!url.tls()) {
                return new RedisSessionObservation(dialer.where(), true, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty());
            }
            Optional<RedisSessionObservation.Ping> ping = Optional.empty();
            Optional<String> policy = Optional.empty();
            List<RedisSessionObservation.QueuedCommand> queued = new ArrayList<>();
            try (Connection connection = dialer.authenticated()) {
                long started = System.nanoTime();
                String pong = reply(connection, Protocol.Command.PING);
                ping = Optional.of(new RedisSessionObservation.Ping(pong, Duration.ofNanos(System.nanoTime()
                        - started)));
                policy = infoField(reply(connection, Protocol.Command.INFO, "memory"), "maxmemory_policy");
                String multi = reply(connection, Protocol.Command.MULTI);
                if (!multi.equals("OK")) {
                    return new RedisSessionObservation(dialer.where(), false, Optional.empty(), ping, policy, queued,
                            Optional.of("MULTI was answered " + multi));
                }
                try {
                    for (String command : dangerous) {
                        List<String> arguments = harmlessArguments(command);
                        queued.add(new RedisSessionObservation.QueuedCommand(command,
                                command + " " + String.join(" ", arguments),
                                reply(connection, named(command), arguments.toArray(String[]::new))));
                    }
                } finally {
                    reply(connection, Protocol.Command.DISCARD);
                }
                return new RedisSessionObservation(dialer.where(), false, Optional.empty(), ping, policy, queued,
                        Optional.empty());
            } catch (JedisException e) {
                return new RedisSessionObservation(dialer.where(), false,
                        Optional.of(RedisFailure.of(e, dialer.where(), context.config())), ping, policy, queued,
                        Optional.empty());
            }
        });
    }

    /**
     * SUBSCRIBE to a fresh {@code smokegate:<random>} channel, PUBLISH a nonce there from a second connection and
     * wait up to the read timeout for it: the path the Socket.IO Redis adapter takes between replicas.
     */
    public static ProbeRequest<RedisPubSubObservation> pubSub(RedisUrl url) {
        return new ProbeRequest<>("redis pubsub " + url.scheme() + "://" + url, context -> {
            RedisDialer dialer = new RedisDialer(url, context);
            String channel = unique();
            Duration wait = context.config().timeouts().read();
            if (!url.tls()) {
                return new RedisPubSubObservation(dialer.where(), true, Optional.empty(), channel, Optional.empty(),
                        wait);
            }
            try (Connection subscriber = dialer.authenticated(); Connection publisher = dialer.authenticated()) {
                subscriber.sendCommand(Protocol.Command.SUBSCRIBE, channel);
                subscriber.getObjectMultiBulkReply();
                String nonce = unique();
                long sent = System.nanoTime();
                publisher.sendCommand(Protocol.Command.PUBLISH, channel, nonce);
                publisher.getIntegerReply();
                Optional<Duration> delivered = awaitNonce(subscriber, nonce, sent, wait);
                return new RedisPubSubObservation(dialer.where(), false, Optional.empty(), channel, delivered, wait);
            } catch (JedisException e) {
                return new RedisPubSubObservation(dialer.where(), false,
                        Optional.of(RedisFailure.of(e, dialer.where(), context.config())), channel, Optional.empty(),
                        wait);
            }
        });
    }

    /** Messages until the nonce; a read timeout means it never came (the subscriber is then closed, not reused). */
    private static Optional<Duration> awaitNonce(Connection subscriber, String nonce, long sent, Duration wait) {
        long deadline = sent + wait.toNanos();
        while (System.nanoTime() < deadline) {
            subscriber.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            List<Object> message;
            try {
                message = subscriber.getObjectMultiBulkReply();
            } catch (JedisException timedOut) {
                return Optional.empty();
            }
            if (message.size() == 3 && "message".equals(text(message.get(0))) && nonce.equals(text(message.get(2)))) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - sent));
            }
        }
        return Optional.empty();
    }

    private static PlaintextAnswer plaintextPing(RedisDialer dialer, ProbeContext context) {
        try (Socket socket = dialer.plain()) {
            return RedisDialer.ping(socket, dialer.where());
        } catch (IOException e) {
            return new PlaintextAnswer(Optional.empty(), RedisFailure.of(e, dialer.where(), context.config())
                    .description());
        }
    }

    /**
     * Arguments that touch nothing and make the command fail should it ever run: an option FLUSHALL and FLUSHDB
     * reject, a parameter CONFIG SET does not know (SET rather than GET, since an ACL may allow only
     * {@code config|get}), a KEYS pattern no key matches.
     */
    static List<String> harmlessArguments(String command) {
        return switch (command) {
            case "CONFIG" -> List.of("SET", NEVER_RUNS, "x");
            case "KEYS" -> List.of(unique() + ":*");
            default -> List.of(NEVER_RUNS);
        };
    }

    /** The reply as text: a status or bulk string, or the error line (without its {@code -}). */
    private static String reply(Connection connection, ProtocolCommand command, String... arguments) {
        connection.sendCommand(command, arguments);
        try {
            Object reply = connection.getOne();
            return reply instanceof Long number ? String.valueOf(number) : text(reply);
        } catch (JedisDataException error) {
            return String.valueOf(error.getMessage());
        }
    }

    private static Optional<String> infoField(String info, String field) {
        return info.lines().filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).strip()).findFirst();
    }

    private static ProtocolCommand named(String command) {
        byte[] raw = SafeEncoder.encode(command);
        return () -> raw;
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    /** A channel or key prefix no production app uses: {@code smokegate:} and 64 random bits. */
    static String unique() {
        return "smokegate:" + Long.toUnsignedString(RANDOM.nextLong(), 36);
    }
}
