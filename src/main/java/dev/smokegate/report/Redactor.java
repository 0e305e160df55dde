package dev.smokegate.report;

import dev.smokegate.model.Excerpt;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 *       {@code scheme://user:***@host};</li>
 *   <li>JWTs by their form, down to their header (a credential header holding only that header keeps it);</li>
 *   <li>GitHub tokens by their form ({@code gho_}, {@code ghu_}, {@code ghp_}, {@code ghs_}, {@code ghr_} and
 *       Base62), which a browser login may meet at run time in no config.</li>
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

    private static final String CREDENTIAL_HEADERS =
            "proxy-authorization|authorization|set-cookie|cookie|x-api-key|x-auth-token";
    private static final String CREDENTIAL_KEYS = CREDENTIAL_HEADERS
            + "|password|passwd|pwd|secret|client_secret|access_token|refresh_token|id_token|token|api_key|apikey";
    private static final String CREDENTIAL_PARAMETERS = "password|passwd|pwd|client_secret|access_token"
            + "|refresh_token|id_token|api_key|apikey|sslpassword|token";
    /** What the text must contain, lowercased, for a rule to have anything to match (see {@link #redact}). */
    private static final List<String> CREDENTIAL_HEADER_WORDS = List.of("authorization", "cookie", "x-api-key",
            "x-auth-token");
    private static final List<String> CREDENTIAL_KEY_WORDS =
            Arrays.stream(CREDENTIAL_KEYS.split("\\|")).map(k -> "\"" + k).toList();
    private static final List<String> CREDENTIAL_PARAMETER_WORDS =
            Arrays.stream(CREDENTIAL_PARAMETERS.split("\\|")).map(k -> k + "=").toList();
    private static final List<String> GITHUB_TOKEN_PREFIXES = List.of("gho_", "ghu_", "ghp_", "ghs_", "ghr_");
    private static final Set<String> AUTH_SCHEMES = Set.of("basic", "bearer", "digest", "negotiate", "ntlm",
            "token", "apikey", "dpop", "hoba", "mutual", "vapid", "scram-sha-1", "scram-sha-256",
            "aws4-hmac-sha256");

    /** A name that marks its value as a credential, anywhere in the name: {@code accessToken}, {@code DB_PASSWORD}. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i)password|passwd|pwd|secret|token|authorization|cookie|api[-_ ]?key|credential|private[-_ ]?key");

    /** {@code "password": "value"} (or {@code ["value"]}) in JSON, also with escaped quotes inside the value. */
    private static final Pattern JSON_CREDENTIAL = Pattern.compile(
            "(?i)(\"(?:" + CREDENTIAL_KEYS + ")\"\\s*:\\s*\\[?\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    /** The same inside a JSON string that holds JSON: {@code \"password\":\"value\"}. */
    private static final Pattern ESCAPED_JSON_CREDENTIAL = Pattern.compile(
            "(?i)(\\\\\"(?:" + CREDENTIAL_KEYS + ")\\\\\"\\s*:\\s*\\[?\\s*\\\\\")([^\"\\\\]*)(\\\\\")");

    /** Starts a header name: not inside a longer name, but right after an escaped line break ({@code \\n}) is fine. */
    private static final String NAME_START = "(?:(?<![\\w-])|(?<=\\\\[rnt]))";
    private static final String HEADER_NAME = NAME_START + "(?:" + CREDENTIAL_HEADERS + ")[ \\t]*[:=]";

    /**
     * {@code Authorization: Basic abc} on a line of raw HTTP, in a log ({@code > Authorization: ...}), in a map's
     * toString ({@code Authorization=...}). The value ends at a line break, at a JSON-escaped line break
     * ({@code \r}, {@code \n} as two characters) or at a quote that closes a JSON string, so that masking text
     * inside a JSON document keeps the document valid.
     */
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i)" + NAME_START + "(" + CREDENTIAL_HEADERS + ")([ \\t]*[:=][ \\t]*)"
                    // the value: any character on the line, but not past an escaped line break, a closing JSON
                    // quote, or the next credential header on the same line (which gets its own match)
                    + "((?:(?!\\\\[rn]|\"[ \\t]*(?:[,}\\]]|$)|" + HEADER_NAME + ")[^\\r\\n])*)",
            Pattern.MULTILINE);

    /** {@code ?password=x}, {@code &access_token=x}, {@code #access_token=x}, also at the start of a form body. */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&#;\\s])(?:" + CREDENTIAL_PARAMETERS + ")=)([^&\\s#\"'<>]+)", Pattern.MULTILINE);

    /**
     * {@code scheme://user:password@host}. The password part is greedy up to the last {@code @} of the authority,
     * so an unencoded {@code @} inside a password is masked with it.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            // the scheme starts where no scheme character precedes it and is at most 32 long: without both, a
            // long Base64 run (the HTML report is megabytes of it) is rescanned from every position inside it
            "(?i)(?<![a-z0-9+.\\-])([a-z][a-z0-9+.\\-]{0,31}://[^\\s:/?#@\\[\\]\"'<>]*:)([^\\s/?#\"'<>]*)@");

    /**
     * A JWT in compact form: its Base64URL JSON header ({@code eyJ} is {@code {"}) then payload and signature. Only
     * the header survives, so evidence still shows which {@code alg} a (forged) token claimed.
     */
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{2,})\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** What {@link #JWT} leaves of a token: a credential header carrying only that much keeps it. */
    private static final Pattern JWT_HEADER_ONLY = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{2,}\\." + Pattern.quote(MASK));

    /** GitHub's token formats; a token is a prefix and at least 20 Base62 characters (36 in GitHub's). */
    private static final Pattern GITHUB_TOKEN = Pattern.compile("\\bgh[oupsr]_[A-Za-z0-9]{20,255}\\b");

    private final List<String> secretForms;

    private Redactor(List<String> secretForms) {
        this.secretForms = List.copyOf(secretForms);
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
        // Longest first: occurrences are merged anyway, but the binary path overwrites in this order too.
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Redactor(sorted);
    }

    /** The text with every secret masked; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskSecretForms(text);
        if (out.contains("eyJ")) {
            out = replace(JWT, out, m -> m.group(1) + "." + MASK);
        }
        // Each structural rule runs only if the words it needs occur at all: a cheap check that spares the
        // megabytes of the HTML report five regex scans.
        String lower = out.toLowerCase(Locale.ROOT);
        if (containsAny(lower, CREDENTIAL_KEY_WORDS)) {
            out = replace(JSON_CREDENTIAL, out, m -> m.group(1) + (m.group(2).isEmpty() ? "" : MASK) + m.group(3));
            out = replace(ESCAPED_JSON_CREDENTIAL, out,
                    m -> m.group(1) + (m.group(2).isEmpty() ? "" : MASK) + m.group(3));
        }
        if (containsAny(lower, CREDENTIAL_HEADER_WORDS)) {
            out = replace(CREDENTIAL_HEADER, out,
                    m -> m.group(1) + m.group(2) + maskHeaderValue(m.group(1), m.group(3)));
        }
        if (containsAny(lower, CREDENTIAL_PARAMETER_WORDS)) {
            out = replace(CREDENTIAL_PARAMETER, out, m -> m.group(1) + MASK);
        }
        if (lower.contains("://")) {
            out = replace(URL_PASSWORD, out, m -> m.group(1) + (m.group(2).isEmpty() ? "" : URL_PASSWORD_MASK) + "@");
        }
        if (containsAny(out, GITHUB_TOKEN_PREFIXES)) {
            out = replace(GITHUB_TOKEN, out, m -> MASK);
        }
        return out;
    }

    /**
     * Masks every occurrence of every secret form. Plain {@code indexOf} per form rather than one regex alternation:
     * the JDK searches a literal many times faster, which matters for the megabytes of the HTML report.
     * Overlapping occurrences (one secret inside another's encoding) merge into one mask.
     */
    private String maskSecretForms(String text) {
        BitSet masked = new BitSet();
        for (String form : secretForms) {
            for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
                masked.set(i, i + form.length());
            }
        }
        maskBeginningsAtCuts(text, masked);
        if (masked.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (int start = masked.nextSetBit(0); start >= 0; start = masked.nextSetBit(last)) {
            int end = masked.nextClearBit(start);
            out.append(text, last, start).append(MASK);
            last = end;
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Where text was cut short ({@link Excerpt#MARK}: a body at its size limit, a message's excerpt), a secret may
     * stand there with its end cut off. The longest beginning of any secret form that ends right at the mark is
     * masked too, however short: the cut is arbitrary, so nothing of the secret may be left before it.
     */
    private void maskBeginningsAtCuts(String text, BitSet masked) {
        for (int cut = text.indexOf(Excerpt.MARK); cut >= 0; cut = text.indexOf(Excerpt.MARK, cut + 1)) {
            int longest = 0;
            for (String form : secretForms) {
                for (int length = Math.min(form.length() - 1, cut); length > longest; length--) {
                    if (text.regionMatches(cut - length, form, 0, length)) {
                        longest = length;
                        break;
                    }
                }
            }
            if (longest > 0 && !masked.get(cut - 1)) {
                masked.set(cut - longest, cut);
            }
        }
    }

    /**
     * A named value (an Allure parameter, a form field): when the name says it is a credential ({@code token},
     * {@code password}, {@code apiKey}, {@code Authorization} ...) the whole value is masked, because a token
     * obtained at run time is in no config and looks like any other string; otherwise as {@link #redact(String)}.
     */
    public String redactNamed(String name, String value) {
        if (value != null && !value.isEmpty() && name != null && CREDENTIAL_NAME.matcher(name).find()) {
            return MASK;
        }
        return redact(value);
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
                boolean onlyJwtHeader = JWT_HEADER_ONLY.matcher(rest).matches();
                return rest.isEmpty() || onlyJwtHeader ? value : value.substring(0, space) + " " + MASK;
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

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
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
}
