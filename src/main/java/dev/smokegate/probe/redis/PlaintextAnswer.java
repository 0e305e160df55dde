package dev.smokegate.probe.redis;

import java.util.Optional;

/**
 * What a plaintext {@code PING} (no AUTH, no credentials) got on a Redis port.
 *
 * @param redisReply  the first line of a Redis answer ({@code -NOAUTH Authentication required.}, {@code +PONG}),
 *                    present only when the bytes read as Redis' protocol
 * @param description what happened, for messages: {@code connection refused by host:port}, {@code closed the
 *                    connection without answering}, {@code answered +PONG}
 */
public record PlaintextAnswer(Optional<String> redisReply, String description) {
}
