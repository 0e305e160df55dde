package dev.smokegate.reference.ws;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;

/** Which of one replica's connections are in which room; safe for handler threads and the Redis subscriber. */
final class RoomMembers {

    private final Map<String, Set<WebSocket>> rooms = new ConcurrentHashMap<>();

    void join(String room, WebSocket connection) {
        rooms.compute(room, (name, members) -> {
            Set<WebSocket> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(connection);
            return set;
        });
    }

    void leave(String room, WebSocket connection) {
        // Empty rooms are dropped, so rooms that came and went do not pile up.
        rooms.computeIfPresent(room, (name, members) -> {
            members.remove(connection);
            return members.isEmpty() ? null : members;
        });
    }

    void leaveAll(WebSocket connection) {
        rooms.keySet().forEach(room -> leave(room, connection));
    }

    Set<WebSocket> of(String room) {
        return Set.copyOf(rooms.getOrDefault(room, Set.of()));
    }
}
