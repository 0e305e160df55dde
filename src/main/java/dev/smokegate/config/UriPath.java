package dev.smokegate.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A path (and query) a check appends to a configured origin, such as {@code backend.health-path}. It must be an
 * absolute URI path as RFC 3986 spells it, so that resolving it against the origin cannot fail halfway through a
 * run, nor lead to another host ({@code //host/...}).
 */
final class UriPath {

    /** Besides letters and digits: unreserved, sub-delims, and what a path and query add ({@code :@/?}). */
    private static final String ALLOWED_MARKS = "-._~!$&'()*+,;=:@/?";

    private UriPath() {
    }

    /** What is wrong with {@code text} as a path, as the end of a config problem; empty if nothing is. */
    static Optional<String> problem(String text) {
        if (!text.startsWith("/")) {
            return Optional.of("expected a path starting with '/', found \"" + text + "\"");
        }
        if (text.startsWith("//")) {
            return Optional.of("expected a path starting with a single '/' (after '//' comes another host), found \""
                    + text + "\"");
        }
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            String wrong = "expected a URI path such as /health, found \"" + text + "\": '" + Character.toString(c)
                    + "' (character " + (text.codePointCount(0, i) + 1) + ")";
            if (c == '%' && !escapeAt(text, i)) {
                return Optional.of(wrong + " must start an escape of two hex digits (write %25 for '%' itself)");
            }
            if (c != '%' && !allowed(c)) {
                return Optional.of(wrong + " must be written " + escaped(c)
                        + (text.contains("${") ? " (a path takes no ${VAR} reference)" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(int c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || ALLOWED_MARKS.indexOf(c) >= 0;
    }

    private static boolean escapeAt(String text, int i) {
        return i + 2 < text.length() && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static String escaped(int c) {
        StringBuilder escape = new StringBuilder();
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
            escape.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        return escape.toString();
    }
}
