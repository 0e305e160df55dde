package dev.smokegate.model;

import java.util.Objects;

/**
 * Raw material that backs a verdict, attached to the report: an HTTP exchange, a certificate chain, a log line.
 * Reporters render it; they pass its content through the redactor first.
 *
 * @param kind    how a reporter may render it: {@code text}, {@code http-request}, {@code http-response}
 */
public record Evidence(String title, String kind, String mediaType, String content) {

    public Evidence {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    public static Evidence text(String title, String content) {
        return new Evidence(title, "text", "text/plain", content);
    }
}
