package dev.smokegate.model;

/**
 * Text cut short for a report or a message. Every cut ends in {@link #MARK}: a secret whose beginning stands right
 * before a cut has lost the end a redactor would recognise it by, so the redactor also masks a secret's beginning
 * wherever it meets the mark.
 */
public final class Excerpt {

    /** Where text was cut. */
    public static final String MARK = "…";

    private Excerpt() {
    }

    /** {@code text}, or its first {@code maxChars} characters followed by {@link #MARK}. */
    public static String of(String text, int maxChars) {
        return text.length() > maxChars ? text.substring(0, maxChars) + MARK : text;
    }
}
