package dev.smokegate.reference.web;

/** What a handler decides: a {@link Response}, or to leave the client waiting. */
public sealed interface Reply permits Response, Reply.NoAnswer {

    /**
     * Accept the request and never answer, like a backend stuck on a lock. The connection stays open, without
     * occupying a worker thread, until the server releases held exchanges or closes.
     */
    static Reply noAnswer() {
        return NoAnswer.INSTANCE;
    }

    enum NoAnswer implements Reply {
        INSTANCE
    }
}
