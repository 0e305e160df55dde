package dev.smokegate.model;

import java.util.Base64;
import java.util.Objects;

/**
 * Raw material that backs a verdict, attached to the report: an HTTP exchange, a certificate chain, a log line, a
 * screenshot. Reporters render it; they pass text content through the redactor first.
 *
 * @param kind    how a reporter may render it: {@code text}, {@code http-request}, {@code http-response}, or
 *                {@link #IMAGE}, whose content is the image's bytes in Base64
 */
public record Evidence(String title, String kind, String mediaType, String content) {

    /** An image; {@link #content} is its bytes in Base64 and {@link #mediaType} says which format. */
    public static final String IMAGE = "image";

    public Evidence {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    public static Evidence text(String title, String content) {
        return new Evidence(title, "text", "text/plain", content);
    }

    /**
     * A PNG screenshot. Pixels cannot be redacted: whoever takes one makes sure no secret is on the screen (a
     * page is photographed on arrival, before anything is typed into it).
     */
    public static Evidence png(String title, byte[] png) {
        return new Evidence(title, IMAGE, "image/png", Base64.getEncoder().encodeToString(png));
    }

    public boolean isImage() {
        return IMAGE.equals(kind);
    }

    /** The image's bytes; only for {@link #isImage()} evidence. */
    public byte[] imageBytes() {
        if (!isImage()) {
            throw new IllegalStateException(title + " is not an image");
        }
        return Base64.getDecoder().decode(content);
    }
}
