package dev.smokegate.reference.ws;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the Node replicas run with, derived from the faults switched on. Faults that live in the edge
 * ({@link WsFault#NEVER_ANSWERS}, the balancer half of the others) leave it unchanged, so switching them costs no
 * restart; two equal settings mean the running replicas can stay.
 *
 * @param pingInterval how often the server pings; long enough, and an idle-cutting proxy gets to cut
 */
record SocketIoSettings(boolean shareRedis, boolean checkOrigin, boolean servePlaintext, boolean polling,
                        boolean broadcastToAll, Duration pingInterval, Duration messageDelay) {

    private static final Duration HEALTHY_PING = Duration.ofSeconds(2);
    private static final Duration RARE_PING = Duration.ofSeconds(60);

    static SocketIoSettings under(Set<WsFault> faults) {
        return new SocketIoSettings(
                !faults.contains(WsFault.REPLICAS_NOT_SHARING_REDIS),
                !faults.contains(WsFault.ORIGIN_NOT_CHECKED),
                faults.contains(WsFault.PLAINTEXT_SERVED),
                faults.contains(WsFault.POLLING_WITHOUT_STICKINESS),
                faults.contains(WsFault.BROADCAST_OUTSIDE_ROOM),
                faults.contains(WsFault.DROPS_IDLE_AFTER_5S) ? RARE_PING : HEALTHY_PING,
                faults.contains(WsFault.SLOW_MESSAGES) ? WsFault.SLOW_DELIVERY : Duration.ZERO);
    }

    /** The {@code IO_*} variables socketio-server.js reads for these settings. */
    Map<String, String> environment() {
        return Map.of(
                "IO_SHARE_REDIS", String.valueOf(shareRedis),
                "IO_CHECK_ORIGIN", String.valueOf(checkOrigin),
                "IO_SERVE_PLAINTEXT", String.valueOf(servePlaintext),
                "IO_TRANSPORTS", polling ? "polling,websocket" : "websocket",
                "IO_BROADCAST_TO_ALL", String.valueOf(broadcastToAll),
                "IO_PING_INTERVAL_MS", String.valueOf(pingInterval.toMillis()),
                "IO_MESSAGE_DELAY_MS", String.valueOf(messageDelay.toMillis()));
    }
}
