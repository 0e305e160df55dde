package dev.smokegate.probe.ws;

import dev.smokegate.probe.ProbeContext;
import dev.smokegate.probe.ProbeRequest;
import dev.smokegate.probe.http.HttpFetcher;
import dev.smokegate.probe.http.HttpObservation;
import dev.smokegate.probe.http.HttpRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket scenarios checks can ask for. Every room and nonce is unique to the run, so a production room is
 * never touched, and every client leaves its room and closes before the scenario returns.
 */
public final class WsProbes {

    /**
     * Follow-up requests of a polling session. Behind two replicas and a balancer that picks either at random, all 8
     * land on the session's replica one time in 256: the chance that a missing affinity goes unseen.
     */
    private static final int POLLING_FOLLOW_UPS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WsProbes() {
    }

    public static ProbeRequest<WsConnectObservation> connect(URI url, String origin) {
        return new ProbeRequest<>("ws connect " + url + " " + origin, context -> {
            WsTranscript transcript = new WsTranscript();
            try (WsSession a = WsSession.connect(url, origin, context, transcript, "A")) {
                return new WsConnectObservation(a.handshake(), transcript.render());
            }
        });
    }

    public static ProbeRequest<WsRoundTripObservation> roundTrip(URI url, String origin) {
        return new ProbeRequest<>("ws round-trip " + url + " " + origin, context -> {
            WsTranscript transcript = new WsTranscript();
            String room = unique("room");
            try (WsSession a = WsSession.connect(url, origin, context, transcript, "A")) {
                if (!a.usable()) {
                    return new WsRoundTripObservation(a.handshake(), Optional.empty(),
                            Optional.of("no usable socket: " + a.handshake().describe()), transcript.render());
                }
                a.joinConfirmed(room, context.config().timeouts().read());
                Optional<Duration> latency = sendAndAwait(a, a, room, context);
                a.leave(room);
                return new WsRoundTripObservation(a.handshake(), latency, Optional.empty(), transcript.render());
            }
        });
    }

    /**
     * A and B in one room, on the same replica when the app names replicas (so this judges room scoping, not
     * sharing between replicas, which {@link #crossReplica} covers), C in another room.
     */
    public static ProbeRequest<WsBroadcastObservation> broadcast(URI url, String origin) {
        return new ProbeRequest<>("ws broadcast " + url + " " + origin, context -> {
            WsTranscript transcript = new WsTranscript();
            String room = unique("room");
            String elsewhere = unique("room");
            List<WsSession> sessions = new ArrayList<>();
            try {
                WsSession a = WsSession.connect(url, origin, context, transcript, "A");
                sessions.add(a);
                WsSession b = sameReplica(a, url, origin, context, transcript, sessions);
                WsSession c = WsSession.connect(url, origin, context, transcript, "C");
                sessions.add(c);
                List<WsHandshake> handshakes = List.of(a.handshake(), b.handshake(), c.handshake());
                Optional<String> problem = unusable(List.of(a, b, c));
                if (problem.isPresent()) {
                    return new WsBroadcastObservation(handshakes, Optional.empty(), false, false, problem,
                            transcript.render());
                }
                Duration read = context.config().timeouts().read();
                a.joinConfirmed(room, read);
                b.joinConfirmed(room, read);
                c.joinConfirmed(elsewhere, read);
                String nonce = unique("nonce");
                long sent = a.now();
                a.send(room, nonce);
                Optional<Duration> member = b.awaitNonce(nonce, sent, read);
                // Order instead of a wait: A's next message, to C's room, takes the path a leaked nonce took (A's
                // replica, then Redis), so C sees a leak before it. An app that refuses a message to a room its
                // sender is not in gets the old wait, websocket.latency's warn level.
                String marker = unique("marker");
                a.send(elsewhere, marker);
                boolean ordered = c.awaitNonce(marker, sent, context.config().websocket().latency().warn())
                        .isPresent();
                boolean leaked = c.awaitNonce(nonce, sent, Duration.ZERO).isPresent();
                a.leave(room);
                b.leave(room);
                c.leave(elsewhere);
                return new WsBroadcastObservation(handshakes, member, leaked, ordered, Optional.empty(),
                        transcript.render());
            } finally {
                sessions.forEach(WsSession::close);
            }
        });
    }

    /** A second client on {@code a}'s replica, within websocket.max-connections; else the last one opened. */
    private static WsSession sameReplica(WsSession a, URI url, String origin, ProbeContext context,
                                         WsTranscript transcript, List<WsSession> sessions) {
        Duration wait = context.config().websocket().latency().warn();
        Optional<String> target = a.usable() ? a.replica(wait) : Optional.empty();
        WsSession b = null;
        for (int i = 1; i < context.config().websocket().maxConnections(); i++) {
            if (i > 1) {
                pauseOutOfStep();
            }
            b = WsSession.connect(url, origin, context, transcript, "B");
            sessions.add(b);
            if (target.isEmpty() || !b.usable() || b.replica(wait).equals(target)) {
                return b;
            }
        }
        return b;
    }

    public static ProbeRequest<WsCrossReplicaObservation> crossReplica(URI url, String origin) {
        return new ProbeRequest<>("ws cross-replica " + url + " " + origin, context -> {
            WsTranscript transcript = new WsTranscript();
            int max = context.config().websocket().maxConnections();
            Duration wait = context.config().timeouts().read();
            List<WsSession> sessions = new ArrayList<>();
            List<String> replicas = new ArrayList<>();
            try {
                WsSession first = null;
                WsSession second = null;
                for (int i = 0; i < max && second == null; i++) {
                    if (i > 0) {
                        pauseOutOfStep();
                    }
                    WsSession session = WsSession.connect(url, origin, context, transcript, clientName(i));
                    sessions.add(session);
                    if (!session.usable()) {
                        return crossReplica(sessions, replicas, Optional.empty(), Optional.of("no usable socket: "
                                + session.handshake().describe()), transcript);
                    }
                    String replica = session.replica(wait).orElse("");
                    replicas.add(replica);
                    if (replica.isEmpty()) {
                        return crossReplica(sessions, replicas, Optional.empty(), Optional.empty(), transcript);
                    }
                    if (first == null) {
                        first = session;
                    } else if (!replica.equals(replicas.get(0))) {
                        second = session;
                    }
                }
                if (second == null) {
                    return crossReplica(sessions, replicas, Optional.empty(), Optional.empty(), transcript);
                }
                String room = unique("room");
                first.joinConfirmed(room, wait);
                second.joinConfirmed(room, wait);
                Optional<Duration> delivered = sendAndAwait(first, second, room, context);
                first.leave(room);
                second.leave(room);
                return crossReplica(sessions, replicas, delivered, Optional.empty(), transcript);
            } finally {
                sessions.forEach(WsSession::close);
            }
        });
    }

    public static ProbeRequest<WsOriginObservation> origins(URI url, String allowed, List<String> foreign) {
        return new ProbeRequest<>("ws origins " + url + " " + allowed + " " + foreign, context -> {
            WsTranscript transcript = new WsTranscript();
            WsHandshake control;
            try (WsSession session = WsSession.connect(url, allowed, context, transcript, "allowed")) {
                control = session.handshake();
            }
            List<WsHandshake> attempts = new ArrayList<>();
            // Without a working control there is nothing to compare with, and each attempt would wait it out too.
            for (String origin : control.usable() ? foreign : List.<String>of()) {
                try (WsSession session = WsSession.connect(url, origin, context, transcript, origin)) {
                    attempts.add(session.handshake());
                }
            }
            return new WsOriginObservation(control, attempts, transcript.render());
        });
    }

    /** Leaves one client idle for {@code idle}, answering nothing but what the protocol requires. */
    public static ProbeRequest<WsKeepaliveObservation> keepalive(URI url, String origin, Duration idle) {
        return new ProbeRequest<>("ws keepalive " + url + " " + origin + " " + idle, context -> {
            WsTranscript transcript = new WsTranscript();
            String room = unique("room");
            try (WsSession a = WsSession.connect(url, origin, context, transcript, "A")) {
                if (!a.usable()) {
                    return new WsKeepaliveObservation(a.handshake(), idle, false, Optional.empty(), Optional.empty(),
                            Optional.of("no usable socket: " + a.handshake().describe()), transcript.render());
                }
                a.joinConfirmed(room, context.config().timeouts().read());
                pause(idle);
                boolean survived = a.isOpen();
                Optional<Duration> after = survived ? sendAndAwait(a, a, room, context) : Optional.empty();
                a.leave(room);
                return new WsKeepaliveObservation(a.handshake(), idle, survived, a.closedBy(), after,
                        Optional.empty(), transcript.render());
            }
        });
    }

    /**
     * Socket.IO's polling transport: a handshake, then {@value #POLLING_FOLLOW_UPS} requests with its session id
     * (the namespace CONNECT, a poll, then pongs, which a server takes at any time), each on a new connection and
     * out of step with other clients. Behind replicas without affinity some land where the session is unknown; every
     * one more makes a miss by chance half as likely.
     */
    public static ProbeRequest<SocketIoPollingObservation> socketIoPolling(URI url, String origin) {
        return new ProbeRequest<>("socket.io polling " + url + " " + origin, context -> {
            URI base = pollingBase(url, context);
            HttpObservation handshake = HttpFetcher.fetch(polling(HttpRequest.get(base), origin, context), context);
            Optional<String> sid = handshake.exchange().filter(e -> e.status() == 200)
                    .flatMap(e -> sessionId(e.body()));
            List<HttpObservation> followUps = new ArrayList<>();
            if (sid.isPresent()) {
                URI session = URI.create(base + "&sid=" + sid.get());
                for (int i = 0; i < POLLING_FOLLOW_UPS; i++) {
                    pauseOutOfStep();
                    HttpRequest request = i == 1 ? HttpRequest.get(session)
                            : new HttpRequest("POST", session, List.of()).withBody(i == 0 ? "40" : "3");
                    followUps.add(HttpFetcher.fetch(polling(request, origin, context), context));
                }
            }
            return new SocketIoPollingObservation(handshake, sid, followUps);
        });
    }

    private static URI pollingBase(URI url, ProbeContext context) {
        String scheme = "wss".equalsIgnoreCase(url.getScheme()) ? "https" : "http";
        URI http = URI.create(scheme + url.toString().substring(url.getScheme().length()));
        return WsSession.endpoint(http, context.config(), "polling");
    }

    private static HttpRequest polling(HttpRequest request, String origin, ProbeContext context) {
        HttpRequest r = request.withHeader("Origin", origin);
        if (context.config().mayCarryCredentials(request.url())) {
            for (var header : context.config().websocket().authHeaders().entrySet()) {
                r = r.withHeader(header.getKey(), header.getValue().value());
            }
        }
        return r;
    }

    /** The sid of an Engine.IO open packet ({@code 0{"sid":"...",...}}). */
    static Optional<String> sessionId(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^0\\{.*\"sid\":\"([^\"]+)\"").matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static WsCrossReplicaObservation crossReplica(List<WsSession> sessions, List<String> replicas,
                                                          Optional<Duration> delivered, Optional<String> problem,
                                                          WsTranscript transcript) {
        return new WsCrossReplicaObservation(sessions.stream().map(WsSession::handshake).toList(),
                List.copyOf(replicas), delivered, problem, transcript.render());
    }

    private static Optional<Duration> sendAndAwait(WsSession from, WsSession to, String room, ProbeContext context) {
        String nonce = unique("nonce");
        long sent = from.now();
        from.send(room, nonce);
        return to.awaitNonce(nonce, sent, context.config().timeouts().read());
    }

    private static Optional<String> unusable(List<WsSession> sessions) {
        return sessions.stream().filter(s -> !s.usable()).findFirst()
                .map(s -> "no usable socket: " + s.handshake().describe());
    }

    private static String clientName(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** Names no production room could have: a smokegate prefix and 64 random bits. */
    static String unique(String kind) {
        return "smokegate-" + kind + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36);
    }

    /**
     * A random pause before the next connection of a replica search or a polling session: other clients connecting
     * at a steady pace could otherwise keep it in step with a round-robin balancer, landing it on the same replica
     * each time.
     */
    private static void pauseOutOfStep() {
        pause(Duration.ofMillis(20 + RANDOM.nextInt(180)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
