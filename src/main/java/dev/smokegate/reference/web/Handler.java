package dev.smokegate.reference.web;

/** Answers one route. Runs on a worker thread, so blocking calls (a DB ping) are fine if they have timeouts. */
@FunctionalInterface
public interface Handler {

    Reply handle(Request request) throws Exception;
}
