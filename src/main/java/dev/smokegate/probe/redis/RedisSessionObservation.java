package dev.smokegate.probe.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One authenticated session: PING, {@code INFO memory}, and every dangerous command queued inside MULTI and then
 * discarded, so none of them ran.
 *
 * @param credentialsWithheld the URL is plaintext {@code redis://}, so nothing was sent and nothing observed
 * @param failure             why the session could not be opened (or broke); what it observed before stays
 * @param ping                PING's answer and round trip
 * @param maxmemoryPolicy     {@code maxmemory_policy} from {@code INFO memory}
 * @param queued              each dangerous command's answer when queued inside MULTI
 * @param transactionProblem  why the commands could not be queued (MULTI refused)
 */
public record RedisSessionObservation(String where, boolean credentialsWithheld, Optional<RedisFailure> failure,
                                      Optional<Ping> ping, Optional<String> maxmemoryPolicy,
                                      List<QueuedCommand> queued, Optional<String> transactionProblem) {

    public RedisSessionObservation {
        queued = List.copyOf(queued);
    }

    /** @param reply {@code PONG}, or what came instead */
    public record Ping(String reply, Duration latency) {
    }

    /**
     * @param command the configured name ({@code CONFIG})
     * @param sent    what was queued, arguments included ({@code CONFIG SET smokegate-never-runs x})
     * @param reply   {@code QUEUED}, or the error line without its {@code -} ({@code NOPERM this user has no ...})
     */
    public record QueuedCommand(String command, String sent, String reply) {

        public boolean allowed() {
            return reply.equals("QUEUED");
        }

        public boolean denied() {
            return reply.startsWith("NOPERM");
        }

        /** Renamed or disabled (managed Redis renames CONFIG): as good as denied. */
        public boolean unavailable() {
            return reply.startsWith("ERR unknown command");
        }
    }
}
