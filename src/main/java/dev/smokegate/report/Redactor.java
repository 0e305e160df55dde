package dev.smokegate.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor that every artifact and the console pass through before anything is written. Reports of a
 * production environment end up in CI logs, chat and tickets, so nothing secret may survive into them.
 *
 * <p>What it masks, in this order:
 * <ol>
 *   <li>every configured secret value of at least {@value #MIN_SECRET_LENGTH} characters, plus the forms it takes
 *       when a report embeds it: URL-encoded, JSON-escaped, HTML/XML-escaped and Base64 (at any byte alignment,
 *       so {@code base64("user:" + secret)} in an HTTP Basic header is caught too). Shorter values would mask
 *       ordinary words, so they are only caught by the structural rules below;</li>
 *   <li>JSON string values of credential-like keys ({@code "password"}, {@code "access_token"},
 *       {@code "Authorization"} ...), because tokens obtained at run time are in no config;</li>
 *   <li>values of credential headers ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 *       {@code Set-Cookie}, {@code X-Api-Key}, {@code X-Auth-Token}) written as {@code Name: value}
 *       or {@code Name=value}. The auth scheme ({@code Basic}, {@code Bearer}) and cookie names and attributes are
 *       kept so that a message about cookie flags still reads well;</li>
 *   <li>credential query parameters ({@code ?password=}, {@code &access_token=} ...);</li>
 *   <li>the password in a URL's user info: {@code scheme://user:PASSWORD@host} becomes
 *       {@code scheme://user:***@host}.</li>
 * </ol>
 *
 * <p>Writers of check messages: the phrase {@code Authorization:} followed by prose is masked too, so say
 * "the Authorization header" instead.
 *
 * <p>Immutable and thread-safe; redacting twice gives the same text as redacting once.
 */
public final class Redactor {

    /** Replaces secrets, header values and credential parameters. */
    public static final String MASK = "[REDACTED]";
    /** Replaces the password of a URL, short so the URL stays readable. */
    public static final String URL_PASSWORD_MASK = "***";
    /** Secret values shorter than this are not masked wherever they appear (they would mask ordinary words). */
    public static final int MIN_SECRET_LENGTH = 4;
    /**
     * A Base64 fragment shorter than this is too likely to occur by chance in a large Base64 blob (the HTML report
     * embeds its data as Base64), and masking it would corrupt that blob. 8 characters are 48 bits.
     */
    static final int MIN_BASE64_FRAGMENT = 8;

    private static final String CREDENTIAL_HEADERS =
            "proxy-authorization|authorization|set-cookie|cookie|x-api-key|x-auth-token";
    private static final String CREDENTIAL_KEYS = CREDENTIAL_HEADERS
            + "|password|passwd|pwd|secret|client_secret|access_token|refresh_token|id_token|token|api_key|apikey";
    private static final Set<String> AUTH_SCHEMES = Set.of("basic", "bearer", "digest", "negotiate", "ntlm",
            "token", "apikey", "dpop", "hoba", "mutual", "vapid", "scram-sha-1", "scram-sha-256",
            "aws4-hmac-sha256");

    /** {@code "password": "value"} (or {@code ["value"]}) in JSON, also with escaped quotes inside the value. */
    private static final Pattern JSON_CREDENTIAL = Pattern.compile(
            "(?i)(\"(?:" + CREDENTIAL_KEYS + ")\"\\s*:\\s*\\[?\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    /** The same inside a JSON string that holds JSON: {@code \"password\":\"value\"}. */
    private static final Pattern ESCAPED_JSON_CREDENTIAL = Pattern.compile(
            "(?i)(\\\\\"(?:" + CREDENTIAL_KEYS + ")\\\\\"\\s*:\\s*\\[?\\s*\\\\\")([^\"\\\\]*)(\\\\\")");

    /**
     * {@code Authorization: Basic abc} on a line of raw HTTP, in a log ({@code > Authorization: ...}), in a map's
     * toString ({@code Authorization=...}). The value ends at a line break, at a JSON-escaped line break
     * ({@code \r}, {@code \n} as two characters) or at a quote that closes a JSON string, so that masking text
     * inside a JSON document keeps the document valid.
     */
    private static final String HEADER_NAME = "(?<![\\w-])(?:" + CREDENTIAL_HEADERS + ")[ \\t]*[:=]";
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i)(?<![\\w-])(" + CREDENTIAL_HEADERS + ")([ \\t]*[:=][ \\t]*)"
                    // the value: any character on the line, but not past an escaped line break, a closing JSON
                    // quote, or the next credential header on the same line (which gets its own match)
                    + "((?:(?!\\\\[rn]|\"[ \\t]*(?:[,}\\]]|$)|" + HEADER_NAME + ")[^\\r\\n])*)",
            Pattern.MULTILINE);

    /** {@code ?password=x}, {@code &access_token=x}, also at the start of a form body. */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;\\s])(?:password|passwd|pwd|client_secret|access_token|refresh_token|id_token|api_key"
                    + "|apikey|sslpassword|token)=)([^&\\s#\"'<>]+)", Pattern.MULTILINE);

    /**
     * {@code scheme://user:password@host}. The password part is greedy up to the last {@code @} of the authority,
     * so an unencoded {@code @} inside a password is masked with it.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.\\-]*://[^\\s:/?#@\\[\\]\"'<>]*:)([^\\s/?#\"'<>]*)@");

    private final List<String> secretForms;
    private final Pattern secretPattern;

    private Redactor(List<String> secretForms) {
        this.secretForms = List.copyOf(secretForms);
        this.secretPattern = secretForms.isEmpty() ? null : Pattern.compile(
                String.join("|", secretForms.stream().map(Pattern::quote).toList()));
    }

    /**
     * A redactor for a run whose configuration referenced these secret values (typically
     * {@code EnvironmentConfig.secretValues()}). With no secrets it still applies the structural rules.
     */
    public static Redactor forSecrets(Collection<String> secretValues) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secretValues) {
            if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
                forms.addAll(SecretForms.of(secret));
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        // Longest first: Java's alternation takes the first alternative that matches at a position, and a longer
        // form (an encoding that contains another secret) must win so that nothing of it is left behind.
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Redactor(sorted);
    }

    /** The text with every secret masked; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = secretPattern == null ? text : secretPattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
        out = replace(JSON_CREDENTIAL, out, m -> m.group(1) + (m.group(2).isEmpty() ? "" : MASK) + m.group(3));
        out = replace(ESCAPED_JSON_CREDENTIAL, out, m -> m.group(1) + (m.group(2).isEmpty() ? "" : MASK) + m.group(3));
        out = replace(CREDENTIAL_HEADER, out, m -> m.group(1) + m.group(2) + maskHeaderValue(m.group(1), m.group(3)));
        out = replace(CREDENTIAL_PARAMETER, out, m -> m.group(1) + MASK);
        out = replace(URL_PASSWORD, out, m -> m.group(1) + (m.group(2).isEmpty() ? "" : URL_PASSWORD_MASK) + "@");
        return out;
    }

    /**
     * Redacts UTF-8 text (an attachment, a file). Bytes that are not valid UTF-8 (a screenshot, an archive) cannot
     * be rewritten as text without corrupting them; there every secret form is overwritten with {@code *} of the
     * same length, which removes the secret and keeps offsets inside the file intact.
     */
    public byte[] redact(byte[] utf8Text) {
        if (utf8Text == null || utf8Text.length == 0) {
            return utf8Text;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8Text))
                    .toString();
            return redact(text).getBytes(StandardCharsets.UTF_8);
        } catch (CharacterCodingException binary) {
            return redactBinary(utf8Text);
        }
    }

    private byte[] redactBinary(byte[] data) {
        byte[] out = data.clone();
        for (String form : secretForms) {
            byte[] needle = form.getBytes(StandardCharsets.UTF_8);
            for (int i = indexOf(out, needle, 0); i >= 0; i = indexOf(out, needle, i + needle.length)) {
                java.util.Arrays.fill(out, i, i + needle.length, (byte) '*');
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Keeps what helps a reader (auth scheme, cookie names and attributes) and masks the credential itself. */
    private static String maskHeaderValue(String header, String value) {
        if (value.isBlank()) {
            return value;
        }
        String name = header.toLowerCase(Locale.ROOT);
        if (name.equals("cookie")) {
            return maskCookiePairs(value, false);
        }
        if (name.equals("set-cookie")) {
            return maskCookiePairs(value, true);
        }
        if (name.endsWith("authorization")) {
            int space = value.indexOf(' ');
            if (space > 0 && AUTH_SCHEMES.contains(value.substring(0, space).toLowerCase(Locale.ROOT))) {
                String rest = value.substring(space).stripLeading();
                return rest.isEmpty() ? value : value.substring(0, space) + " " + MASK;
            }
        }
        return MASK;
    }

    /**
     * {@code a=1; b=2} becomes {@code a=[REDACTED]; b=[REDACTED]}. In a Set-Cookie only the first pair is the
     * cookie; the rest are attributes ({@code Path=/}, {@code SameSite=Lax}) and stay readable. Segments without
     * {@code =} are kept: they are attributes ({@code Secure}) or prose about cookies, not cookie values.
     */
    private static String maskCookiePairs(String value, boolean onlyFirst) {
        String[] segments = value.split(";", -1);
        for (int i = 0; i < segments.length && (i == 0 || !onlyFirst); i++) {
            int eq = segments[i].indexOf('=');
            if (eq >= 0 && !segments[i].substring(eq + 1).isBlank()) {
                String after = segments[i].substring(eq + 1);
                String leading = after.substring(0, after.length() - after.stripLeading().length());
                String trailing = after.stripLeading().substring(after.strip().length());
                segments[i] = segments[i].substring(0, eq + 1) + leading + MASK + trailing;
            }
        }
        return String.join(";", segments);
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** The forms a secret value takes when an artifact embeds it. */
    static final class SecretForms {

        private SecretForms() {
        }

        static Set<String> of(String secret) {
            Set<String> forms = new LinkedHashSet<>();
            forms.add(secret);
            String formEncoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
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
}
