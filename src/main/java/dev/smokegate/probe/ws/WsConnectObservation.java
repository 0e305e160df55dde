package dev.smokegate.probe.ws;

/** The upgrade (and Socket.IO CONNECT) of one client. */
public record WsConnectObservation(WsHandshake handshake, String transcript) {
}
