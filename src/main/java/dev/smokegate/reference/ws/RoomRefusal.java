package dev.smokegate.reference.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.java_websocket.handshake.HandshakeImpl1Server;

/**
 * A handshake answered with an HTTP error instead of {@code 101}. Java-WebSocket refuses a handshake only with its
 * own {@code 404 WebSocket Upgrade Failure}; a real backend answers a foreign Origin with {@code 403}, so the replica
 * returns this as its handshake response and {@link RoomDraft} writes it as the status it names.
 */
final class RoomRefusal extends HandshakeImpl1Server {

    private RoomRefusal(int status, String reason) {
        setHttpStatus((short) status);
        setHttpStatusMessage(reason);
        put("Content-Length", "0");
        put("Connection", "close");
    }

    static RoomRefusal forbidden() {
        return new RoomRefusal(403, "Forbidden");
    }

    static RoomRefusal notFound() {
        return new RoomRefusal(404, "Not Found");
    }

    /** The complete HTTP response, head only. */
    ByteBuffer response() {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(getHttpStatus()).append(' ')
                .append(getHttpStatusMessage()).append("\r\n");
        for (Iterator<String> names = iterateHttpFields(); names.hasNext(); ) {
            String name = names.next();
            head.append(name).append(": ").append(getFieldValue(name)).append("\r\n");
        }
        return ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }
}
