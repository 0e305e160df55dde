package dev.smokegate.probe.ws;

import dev.smokegate.probe.Retried;
import dev.smokegate.probe.TransportError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one WebSocket handshake went, as raw facts.
 *
 * @param status     the HTTP status the server answered the upgrade with; empty when none came
 * @param connected  for Socket.IO, whether the namespace CONNECT was accepted ({@code 40}) or refused
 *                   ({@code 44}); empty for raw WebSocket or when the upgrade failed
 * @param refusal    what the server said when refusing: the close reason or the {@code 44} payload
 * @param failure    one readable line when the transport failed (refused, timed out, TLS)
 * @param retries    the transport errors retried before this result
 */
public record WsHandshake(URI url, String origin, Optional<Integer> status, Optional<Boolean> connected,
                          Optional<String> refusal, Optional<String> failure, Duration elapsed,
                          List<TransportError> retries) implements Retried {

    public WsHandshake {
        retries = List.copyOf(retries);
    }

    public boolean upgraded() {
        return status.filter(s -> s == 101).isPresent();
    }

    /** Upgraded and, for Socket.IO, connected: a socket the app would use. */
    public boolean usable() {
        return upgraded() && connected.orElse(true);
    }

    public String describe() {
        if (failure.isPresent()) {
            return failure.get();
        }
        String answer = status.map(s -> s == 101 ? "101 Switching Protocols" : "HTTP " + s).orElse("no answer");
        String app = connected.map(c -> c ? ", Socket.IO CONNECT accepted" : ", Socket.IO CONNECT refused")
                .orElse("");
        return answer + app + refusal.map(r -> " (" + r + ")").orElse("");
    }
}
