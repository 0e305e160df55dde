package dev.smokegate.probe;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plain phrase for an exception a probe could not classify more precisely, for a failure message an on-call
 * engineer reads: never a Java class name ({@code java.net.SocketException}, {@code MalformedInputException}),
 * which says nothing to them and makes equal failures read differently on other JDKs.
 */
public final class FailureText {

    /** {@code java.io.IOException: }, {@code sun.security...SunCertPathBuilderException: }, {@code SSLException: }. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(?:\\b[a-z][\\w$]*\\.)*\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    private FailureText() {
    }

    /** What went wrong, in words: a phrase for the kind of failure, or its message with class names removed. */
    public static String of(Throwable failure) {
        if (failure instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (failure instanceof EOFException) {
            return "the connection ended before the answer was complete";
        }
        if (failure instanceof CharacterCodingException) {
            return "the answer is not valid text in its character set";
        }
        String message = withoutClassNames(failure.getMessage());
        if (!message.isEmpty()) {
            return message;
        }
        return failure instanceof SocketException ? "network error" : "unexpected error";
    }

    /** {@code message} without Java class names, trimmed; empty for none. */
    public static String withoutClassNames(String message) {
        if (message == null) {
            return "";
        }
        String plain = CLASS_NAME.matcher(message).replaceAll("").strip();
        return plain.isEmpty() || plain.equals(":") ? "" : plain;
    }

    /** The first of {@code thrown} and its causes that is a {@code type}: libraries wrap socket errors freely. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code thrown} or a cause says the peer reset the connection (Linux: reset, broken pipe). */
    public static boolean saysReset(Throwable thrown) {
        return find(thrown, SocketException.class).map(e -> String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT))
                .filter(m -> m.contains("connection reset") || m.contains("broken pipe")).isPresent();
    }
}
