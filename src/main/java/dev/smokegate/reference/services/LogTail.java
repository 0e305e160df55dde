package dev.smokegate.reference.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a server or command log, quoted in error messages so a failed start explains itself. */
final class LogTail {

    private static final int LINES = 25;

    private LogTail() {
    }

    static String of(Path log) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return tail.isEmpty() ? "(" + log + " is empty)" : "last lines of " + log + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
