package dev.smokegate.reference.ws;

/**
 * One thing that can be broken in a running {@link WsCluster}, switched on with {@link WsCluster#inject} and off
 * with {@link WsCluster#heal}. Each breaks exactly one requirement of the {@code ws.*} suite.
 */
public enum WsFault {

    /** Each replica fans room messages out to its own clients only: no Redis pub/sub (Socket.IO: no adapter). */
    REPLICAS_NOT_SHARING_REDIS,

    /** Handshakes from any Origin are accepted (cross-site WebSocket hijacking). */
    ORIGIN_NOT_CHECKED,

    /** {@code ws://} on port 80 reaches the replicas unencrypted and upgrades. */
    PLAINTEXT_SERVED,

    /** The balancer accepts connections and never answers. */
    NEVER_ANSWERS,

    /** The replicas stop pinging and the balancer cuts connections idle for 5 s, as a proxy with a short timeout. */
    DROPS_IDLE_AFTER_5S,

    /** Socket.IO only: HTTP long-polling is on while the balancer spreads requests over replicas without affinity. */
    POLLING_WITHOUT_STICKINESS,

    /** A room message reaches every connected client, in the room or not. */
    BROADCAST_OUTSIDE_ROOM,

    /**
     * Room messages are delivered {@link #SLOW_DELIVERY} late, as behind an overloaded Redis: still delivered, but
     * over any sane round-trip budget.
     */
    SLOW_MESSAGES;

    /** Longer than the self-tests' 1 s round-trip budget, well inside their 3 s read timeout. */
    public static final java.time.Duration SLOW_DELIVERY = java.time.Duration.ofMillis(1600);
}
