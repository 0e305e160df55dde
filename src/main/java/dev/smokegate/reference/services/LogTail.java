package dev.smokegate.reference.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a server or command log, quoted in error messages so a failed start explains itself. */
public final class LogTail {

    private static final int LINES = 25;

    private LogTail() {
    }

    /** Where the log ends now: pass it to {@link #of(Path, long)} to quote only what a step adds. */
    public static long mark(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Everything written to {@code log} since {@code fromByte} (a {@link #mark}); empty while there is nothing. */
    public static String since(Path log, long fromByte) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(fromByte, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static String of(Path log) {
        return of(log, 0);
    }

    public static String of(Path log, long fromByte) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        try {
            List<String> lines = since(log, fromByte).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return tail.isEmpty()
                    ? "(nothing new in " + log + ")"
                    : "last lines of " + log + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
