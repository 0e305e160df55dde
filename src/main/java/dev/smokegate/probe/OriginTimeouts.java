package dev.smokegate.probe;

import dev.smokegate.config.ConnectTo;
import dev.smokegate.config.EnvironmentConfig;
import dev.smokegate.config.Ports;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a run has learnt about the addresses it dials: the first timeout of each. That timeout is the evidence;
 * waiting for it again on every later request to the same address would only stretch a down target's verdict
 * (a CORS probe alone sends some twenty requests), so later requests there fail at once and name it. One instance
 * per run, shared by every probe through {@link ProbeContext}; thread-safe.
 */
public final class OriginTimeouts {

    /**
     * An address as dialled (after connect-to mappings), and whether TLS runs on it: {@code https}, {@code wss} and
     * a TLS scan of the same address share one, as they share the server that would not answer.
     */
    public record Origin(boolean tls, String host, int port) {

        public Origin {
            host = host.toLowerCase(Locale.ROOT);
        }

        /** Where a request to {@code url} goes in this environment. */
        public static Origin of(URI url, EnvironmentConfig config) {
            String scheme = url.getScheme().toLowerCase(Locale.ROOT);
            ConnectTo.Address dial = config.connectTo().dial(url.getHost(), Ports.of(url));
            return new Origin(scheme.equals("https") || scheme.equals("wss"), dial.host(), dial.port());
        }
    }

    private record FirstTimeout(String what, String failure) {
    }

    private final ConcurrentMap<Origin, FirstTimeout> first = new ConcurrentHashMap<>();

    /**
     * Records that {@code what} (e.g. {@code GET https://api.example.com/health}) timed out at {@code origin} with
     * {@code failure}; only the first timeout per origin is kept.
     */
    public void timedOut(Origin origin, String what, String failure) {
        first.putIfAbsent(origin, new FirstTimeout(what, failure));
    }

    /**
     * Why nothing more is sent to {@code origin}, when something there timed out already: {@code timed out earlier
     * in this run (GET https://...: no response within 10s from ...)}.
     */
    public Optional<String> earlier(Origin origin) {
        return Optional.ofNullable(first.get(origin))
                .map(t -> "timed out earlier in this run (" + t.what() + ": " + t.failure() + ")");
    }
}
