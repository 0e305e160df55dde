package dev.smokegate.reference.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The app's JSON text frames, which smokegate's client defaults are written against: what a client asks
 * ({@link Command}) and what a replica answers.
 */
final class RoomProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoomProtocol() {
    }

    /** What a client can ask a replica to do. */
    sealed interface Command {
        String room();
    }

    record Join(String room) implements Command {
    }

    record Leave(String room) implements Command {
    }

    /** @param body any JSON value; members receive it as sent */
    record Send(String room, JsonNode body) implements Command {
    }

    /** A frame that is not a command; the reason goes back to the client, which stays connected. */
    static final class MalformedCommand extends Exception {
        MalformedCommand(String reason) {
            super(reason);
        }
    }

    static Command parse(String text) throws MalformedCommand {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedCommand("not JSON");
        }
        if (frame == null || !frame.isObject()) {
            throw new MalformedCommand("not a JSON object");
        }
        String type = frame.path("type").asText("");
        return switch (type) {
            case "join" -> new Join(room(frame));
            case "leave" -> new Leave(room(frame));
            case "message" -> {
                String room = room(frame);
                if (!frame.has("body")) {
                    throw new MalformedCommand("message without body");
                }
                yield new Send(room, frame.get("body"));
            }
            default -> throw new MalformedCommand("unknown type: " + type);
        };
    }

    private static String room(JsonNode frame) throws MalformedCommand {
        JsonNode room = frame.path("room");
        if (!room.isTextual() || room.asText().isEmpty()) {
            throw new MalformedCommand("room must be a non-empty string");
        }
        return room.asText();
    }

    static String hello(String replica) {
        return frame("hello").put("replica", replica).toString();
    }

    static String joined(String room) {
        return frame("joined").put("room", room).toString();
    }

    static String left(String room) {
        return frame("left").put("room", room).toString();
    }

    static String message(String room, JsonNode body) {
        ObjectNode message = frame("message").put("room", room);
        message.set("body", body);
        return message.toString();
    }

    static String error(String reason) {
        return frame("error").put("error", reason).toString();
    }

    private static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
