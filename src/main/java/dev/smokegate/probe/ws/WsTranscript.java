package dev.smokegate.probe.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * Every frame a scenario's clients sent and received, in order, each with its offset from the scenario's start and
 * the client it belongs to ({@code A}, {@code B}, ...). The report shows it as evidence; the redactor masks tokens.
 */
public final class WsTranscript {

    private final long start = System.nanoTime();
    private final List<String> lines = new ArrayList<>();

    synchronized void record(String client, String direction, String text) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        lines.add(String.format("%+6d ms  %s %s %s", millis, client, direction, text));
    }

    /** Offset of now from the scenario's start, for latencies measured on the same clock as the lines. */
    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    public synchronized String render() {
        return lines.isEmpty() ? "(no frames)" : String.join("\n", lines);
    }
}
