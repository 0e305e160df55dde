package dev.smokegate.check.headers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source expression of a CSP source list, read by CSP3's grammar (§2.3.1, "serialized-source-list"). ABNF
 * literals are case-insensitive, so {@code 'NONCE-…'} and {@code 'Unsafe-Inline'} count; a token that fits no
 * production (such as {@code //*}, which has {@code ://} without a scheme) is {@link Invalid}: browsers ignore it.
 */
sealed interface CspSource {

    /** A quoted keyword such as {@code 'self'}, lowercased with its quotes. */
    record Keyword(String value) implements CspSource {
    }

    /** {@code 'nonce-<base64-value>'}; the value is kept as written, since nonces compare as exact strings. */
    record Nonce(String value) implements CspSource {
    }

    /** {@code '<sha256|sha384|sha512>-<base64-value>'}. */
    record Hash(String algorithm, String value) implements CspSource {
    }

    /** {@code scheme:}, the scheme lowercased. */
    record Scheme(String scheme) implements CspSource {
    }

    /**
     * {@code [scheme "://"] host [":" port] [path]}, lowercased but the path; the host is {@code *}, {@code *.name}
     * or a name. The bare {@code *} is a host source too, though CSP3 matches it by its own rule.
     */
    record Host(Optional<String> scheme, String host, Optional<String> port, String path) implements CspSource {

        boolean isBareStar() {
            return scheme.isEmpty() && host.equals("*") && port.isEmpty() && path.isEmpty();
        }
    }

    /** A token no production accepts; browsers skip it, so it allows nothing. */
    record Invalid(String text) implements CspSource {
    }

    Pattern BASE64_VALUE = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
    Pattern NONCE = Pattern.compile("'nonce-(" + BASE64_VALUE + ")'", Pattern.CASE_INSENSITIVE);
    Pattern HASH = Pattern.compile("'(sha256|sha384|sha512)-(" + BASE64_VALUE + ")'", Pattern.CASE_INSENSITIVE);
    String SCHEME = "[a-z][a-z0-9+.-]*";
    Pattern SCHEME_SOURCE = Pattern.compile("(" + SCHEME + "):");
    /** RFC 3986 path characters but ";" and ",", which CSP3's path-part leaves out. */
    String PATH = "(?:/(?:[A-Za-z0-9._~!$&'()*+=:@-]|%[0-9A-Fa-f]{2})*)+";
    Pattern HOST_SOURCE = Pattern.compile("(?:(" + SCHEME + ")://)?(\\*|(?:\\*\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.?)"
            + "(?::([0-9]+|\\*))?(" + PATH + ")?");

    static CspSource parse(String expression) {
        Matcher nonce = NONCE.matcher(expression);
        if (nonce.matches()) {
            return new Nonce(nonce.group(1));
        }
        Matcher hash = HASH.matcher(expression);
        if (hash.matches()) {
            return new Hash(hash.group(1).toLowerCase(Locale.ROOT), hash.group(2));
        }
        if (expression.length() > 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return new Keyword(expression.toLowerCase(Locale.ROOT));
        }
        Matcher scheme = SCHEME_SOURCE.matcher(expression.toLowerCase(Locale.ROOT));
        if (scheme.matches()) {
            return new Scheme(scheme.group(1));
        }
        Matcher host = HOST_SOURCE.matcher(hostPartLowercased(expression));
        if (host.matches()) {
            return new Host(Optional.ofNullable(host.group(1)), host.group(2), Optional.ofNullable(host.group(3)),
                    host.group(4) == null ? "" : host.group(4));
        }
        return new Invalid(expression);
    }

    /** Scheme and host compare case-insensitively, the path does not. */
    private static String hostPartLowercased(String expression) {
        int authority = expression.indexOf("://");
        int pathStart = expression.indexOf('/', authority < 0 ? 0 : authority + 3);
        return pathStart < 0 ? expression.toLowerCase(Locale.ROOT)
                : expression.substring(0, pathStart).toLowerCase(Locale.ROOT) + expression.substring(pathStart);
    }
}
