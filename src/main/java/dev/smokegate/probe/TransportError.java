package dev.smokegate.probe;

/**
 * A transport error before any byte of an answer came back: the kinds a probe retries (see {@link Retry}), since a
 * flaky network edge causes them as often as a dead server does. A timeout other than the connect timeout, an HTTP
 * status or a TLS alert is an answer of the target and is never retried.
 */
public enum TransportError {
    /** The connection was reset (RST) before the server answered. */
    RESET("connection reset"),
    /** Nothing accepted the TCP connection (RST on SYN). */
    REFUSED("connection refused"),
    /** No TCP connection within the connect timeout. */
    CONNECT_TIMEOUT("connect timeout"),
    /** The connection was closed (FIN) before the status line or the ServerHello. */
    CLOSED("connection closed before any answer");

    private final String phrase;

    TransportError(String phrase) {
        this.phrase = phrase;
    }

    /** How a message names it: {@code connection reset}. */
    public String phrase() {
        return phrase;
    }
}
