package dev.smokegate.check.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Well-known credential formats, found in text and shown only masked. */
final class CredentialShapes {

    /** One credential-shaped string, masked: its first four characters and its length. */
    record Match(String kind, String masked) {
    }

    private record Shape(String kind, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("GitHub token",
                    Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})")),
            new Shape("private key", Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")),
            new Shape("postgres URL with a password",
                    Pattern.compile("postgres(?:ql)?://[^\\s:/@\"'`]+:[^\\s@/\"'`]+@")),
            new Shape("redis URL with a password", Pattern.compile("rediss?://[^\\s:/@\"'`]*:[^\\s@/\"'`]+@")),
            new Shape("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")));

    private CredentialShapes() {
    }

    static List<Match> in(String text) {
        List<Match> matches = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                matches.add(new Match(shape.kind(), mask(m.group())));
            }
        }
        return matches;
    }

    static String mask(String value) {
        return value.substring(0, Math.min(4, value.length())) + "… (" + value.length() + " chars)";
    }
}
