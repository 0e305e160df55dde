package dev.smokegate.reference.web;

import com.sun.net.httpserver.Headers;
import java.util.Locale;

/**
 * An incoming request as the sites see it.
 *
 * @param host     from the Host header, lower case and without port: the public name the client asked for
 * @param rawPath  still percent-encoded, so redirects can repeat it byte for byte
 * @param rawQuery still percent-encoded; null when the URL has no {@code ?}
 */
public record Request(String method, String host, String rawPath, String rawQuery, Headers headers) {

    public String pathAndQuery() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /** The host part of a Host header value; handles ports and bracketed IPv6 literals. */
    static String hostWithoutPort(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }
}
