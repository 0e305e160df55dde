package dev.smokegate.reference.web;

import com.sun.net.httpserver.Headers;
import java.util.Locale;

/**
 * An incoming request as the sites see it.
 *
 * @param secure   whether it came over TLS, so a proxy can tell its upstream ({@code X-Forwarded-Proto})
 * @param host     from the Host header, lower case and without port: the public name the client asked for
 * @param rawPath  still percent-encoded, so redirects can repeat it byte for byte
 * @param rawQuery still percent-encoded; null when the URL has no {@code ?}
 * @param body     as received; empty when there is none
 */
public record Request(String method, boolean secure, String host, String rawPath, String rawQuery, Headers headers,
                      byte[] body) {

    public Request {
        body = body.clone();
    }

    /** A request without body, as most tests and GET requests have it. */
    public Request(String method, boolean secure, String host, String rawPath, String rawQuery, Headers headers) {
        this(method, secure, host, rawPath, rawQuery, headers, new byte[0]);
    }

    public String pathAndQuery() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    @Override
    public byte[] body() {
        return body.clone();
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
