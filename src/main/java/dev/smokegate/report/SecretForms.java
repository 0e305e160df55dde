package dev.smokegate.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms a secret value takes when an artifact embeds it, for {@link Redactor}: as is, URL-encoded, escaped for
 * JSON or HTML/XML, and the Base64 fragments that any Base64 text containing it must contain.
 */
final class SecretForms {

    /**
     * A Base64 fragment shorter than this is too likely to occur by chance in a large Base64 blob (the HTML report
     * embeds its data as Base64), and masking it would corrupt that blob. 8 characters are 48 bits.
     */
    static final int MIN_BASE64_FRAGMENT = 8;

    private SecretForms() {
    }

    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(formEncoded);
        forms.add(formEncoded.replace("+", "%20"));
        forms.add(lowerHex(formEncoded));
        forms.add(lowerHex(formEncoded.replace("+", "%20")));
        forms.add(jsonEscaped(secret, false));
        forms.add(jsonEscaped(secret, true));
        forms.add(htmlEscaped(secret, "&quot;", "&#39;"));
        forms.add(htmlEscaped(secret, "&#34;", "&apos;"));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int offset = 0; offset < 3; offset++) {
                String fragment = base64Fragment(encoder, bytes, offset);
                if (fragment.length() >= MIN_BASE64_FRAGMENT) {
                    forms.add(fragment);
                }
            }
        }
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /**
     * The Base64 characters fully determined by the secret when it starts {@code offset} bytes into a 3-byte
     * group. Any Base64 text that encodes the secret somewhere inside it contains one of the three fragments,
     * whatever comes before or after it ({@code user:} in a Basic header, JSON around it ...).
     */
    static String base64Fragment(Base64.Encoder encoder, byte[] secret, int offset) {
        byte[] shifted = new byte[offset + secret.length];
        System.arraycopy(secret, 0, shifted, offset, secret.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int firstBit = offset * 8;
        int endBit = (offset + secret.length) * 8;
        int first = (firstBit + 5) / 6; // first character whose 6 bits all lie in the secret
        int end = endBit / 6;           // characters before this one end inside the secret
        return first < end ? encoded.substring(first, end) : "";
    }

    private static String lowerHex(String percentEncoded) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(percentEncoded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * As Jackson writes it ({@code htmlSafe=false}), or as Gson's HTML-safe default and some loggers do:
     * {@code < > & = '} and non-ASCII as Unicode escapes, {@code /} as {@code \/}.
     */
    private static String jsonEscaped(String s, boolean htmlSafe) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '/' -> out.append(htmlSafe ? "\\/" : "/");
                case '<', '>', '&', '=', '\'' -> out.append(htmlSafe ? String.format("\\u%04x", (int) c) : c);
                // control characters always, and non-ASCII in the escaping variant (ESCAPE_NON_ASCII)
                default -> out.append(c < 0x20 || (htmlSafe && c > 0x7e)
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static String htmlEscaped(String s, String quot, String apos) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", quot).replace("'", apos);
    }
}
