package dev.smokegate.reference.services;

import java.time.Duration;

/** Deadlines for one client call: a stopped server must show up as a fast failure, never as a hang. */
public record ClientTimeouts(Duration connect, Duration socket) {

    /** What the reference backend uses for its health paths. */
    public static final ClientTimeouts HEALTH_CHECK = new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
}
