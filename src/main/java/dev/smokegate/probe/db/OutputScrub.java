package dev.smokegate.probe.db;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks credentials in what an external tool printed before it becomes evidence or part of a message: the
 * passwords and URLs the drill handed to the tools, and the password of any URL. The report's redactor runs again
 * when the report is written; this keeps the observation itself clean, since a tool may print a password alone.
 */
final class OutputScrub {

    static final String MASK = "[REDACTED]";
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)[^@\\s]+@");

    private final List<String> secrets;

    /** Longest first, so a URL is masked as a whole before the password inside it. */
    OutputScrub(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return URL_PASSWORD.matcher(result).replaceAll("$1***@");
    }
}
