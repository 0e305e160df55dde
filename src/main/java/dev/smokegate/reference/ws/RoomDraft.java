package dev.smokegate.reference.ws;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * RFC 6455 as Java-WebSocket speaks it, except that a {@link RoomRefusal} goes out as the HTTP error it is: the
 * library would add the upgrade headers and always write {@code 101}.
 */
final class RoomDraft extends Draft_6455 {

    @Override
    public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request,
                                                                 ServerHandshakeBuilder response)
            throws InvalidHandshakeException {
        return response instanceof RoomRefusal
                ? response
                : super.postProcessHandshakeResponseAsServer(request, response);
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
        return handshake instanceof RoomRefusal refusal
                ? List.of(refusal.response())
                : super.createHandshake(handshake, withContent);
    }

    /** The library copies the draft for every connection; the copy must refuse the same way. */
    @Override
    public Draft copyInstance() {
        return new RoomDraft();
    }
}
